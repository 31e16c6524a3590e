package io.newsflow.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CharsetsAndContentTest {
  static final String TEXT =
      "Le président a déclaré que la réunion des ministres était reportée à l'été prochain. "
          + "Les élus ont critiqué cette décision, jugée précipitée et mal préparée par le gouvernement.";

  @Test
  void shouldTrustADeclarationTheBytesAgreeWith() {
    assertThat(Charsets.detect(TEXT.getBytes(StandardCharsets.UTF_8), "utf-8")).isEqualTo("UTF-8");
    byte[] latin =
        ("<meta charset=\"iso-8859-1\">" + TEXT).getBytes(Charset.forName("windows-1252"));
    assertThat(Charsets.detect(latin, null)).isEqualTo("windows-1252");
  }

  @Test
  void shouldOverrideAWrongDeclarationByDetection() {
    byte[] latin = TEXT.getBytes(Charset.forName("windows-1252"));
    assertThat(Charsets.detect(latin, "utf-8")).isNotEqualTo("UTF-8");
    byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
    assertThat(Charsets.detect(utf8, "iso-8859-1")).isEqualTo("UTF-8");
  }

  @Test
  void shouldDetectAMissingCharset() {
    assertThat(Charsets.detect(TEXT.getBytes(StandardCharsets.UTF_8), null)).isEqualTo("UTF-8");
    assertThat(Charsets.detect(("<html>" + TEXT).getBytes(Charset.forName("windows-1252")), null))
        .isIn("windows-1252", "ISO-8859-1", "windows-1250");
  }

  @Test
  void shouldTellBinaryFromTextWhateverTheContentType() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    assertThat(ContentSniffer.binaryKind(png)).isEqualTo("image/png");
    assertThat(ContentSniffer.binaryKind(new byte[] {'a', 0, 'b', 1, 2, 3}))
        .isEqualTo("application/octet-stream");
    assertThat(ContentSniffer.binaryKind(("<html>" + TEXT).getBytes(StandardCharsets.UTF_8)))
        .isNull();
  }

  @Test
  void shouldCountOnlyGloballyRoutableAddressesAsPublic() throws Exception {
    for (String a :
        new String[] {
          "127.0.0.1",
          "10.1.2.3",
          "172.16.0.1",
          "192.168.1.1",
          "169.254.169.254",
          "100.64.0.1",
          "0.0.0.0",
          "::1",
          "fc00::1",
          "fe80::1",
          "::ffff:10.0.0.1",
          "64:ff9b::a00:1", // NAT64 of 10.0.0.1
          "2002:a00:1::1", // 6to4 of 10.0.0.1
          "::a9fe:a9fe", // IPv4-compatible 169.254.169.254
          "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
          "2001:db8::1"
        }) {
      assertThat(AddressGuard.isPublic(InetAddress.getByName(a))).as(a).isFalse();
    }
    assertThat(AddressGuard.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
    assertThat(AddressGuard.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
    assertThat(AddressGuard.isPublic(InetAddress.getByName("64:ff9b::5db8:d822"))).isTrue();
    assertThat(AddressGuard.isPublic(InetAddress.getByName("2002:5db8:d822::1"))).isTrue();
  }
}
