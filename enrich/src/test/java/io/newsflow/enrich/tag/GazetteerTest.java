package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The shipped country gazetteer that the cross-border test counts with: every UN member and
 * observer in English and Spanish, demonyms, short forms, capitals used for their governments,
 * territories, and words it must not take for a state.
 */
class GazetteerTest {
  private static final Taxonomy TAXONOMY = defaultTaxonomy();
  private static final EntityLexicon COUNTRIES = TAXONOMY.entities.get("country");

  /** The 193 UN member states and the two observer states, by their short English names. */
  private static final List<String> MEMBERS_EN =
      List.of(
          "Afghanistan",
          "Albania",
          "Algeria",
          "Andorra",
          "Angola",
          "Antigua and Barbuda",
          "Argentina",
          "Armenia",
          "Australia",
          "Austria",
          "Azerbaijan",
          "Bahamas",
          "Bahrain",
          "Bangladesh",
          "Barbados",
          "Belarus",
          "Belgium",
          "Belize",
          "Benin",
          "Bhutan",
          "Bolivia",
          "Bosnia and Herzegovina",
          "Botswana",
          "Brazil",
          "Brunei",
          "Bulgaria",
          "Burkina Faso",
          "Burundi",
          "Cabo Verde",
          "Cambodia",
          "Cameroon",
          "Canada",
          "Central African Republic",
          "Chad",
          "Chile",
          "China",
          "Colombia",
          "Comoros",
          "Republic of the Congo",
          "Costa Rica",
          "Côte d'Ivoire",
          "Croatia",
          "Cuba",
          "Cyprus",
          "Czechia",
          "Democratic Republic of the Congo",
          "Denmark",
          "Djibouti",
          "Dominica",
          "Dominican Republic",
          "Ecuador",
          "Egypt",
          "El Salvador",
          "Equatorial Guinea",
          "Eritrea",
          "Estonia",
          "Eswatini",
          "Ethiopia",
          "Fiji",
          "Finland",
          "France",
          "Gabon",
          "Gambia",
          "Georgia",
          "Germany",
          "Ghana",
          "Greece",
          "Grenada",
          "Guatemala",
          "Guinea",
          "Guinea-Bissau",
          "Guyana",
          "Haiti",
          "Honduras",
          "Hungary",
          "Iceland",
          "India",
          "Indonesia",
          "Iran",
          "Iraq",
          "Ireland",
          "Israel",
          "Italy",
          "Jamaica",
          "Japan",
          "Jordan",
          "Kazakhstan",
          "Kenya",
          "Kiribati",
          "Kuwait",
          "Kyrgyzstan",
          "Laos",
          "Latvia",
          "Lebanon",
          "Lesotho",
          "Liberia",
          "Libya",
          "Liechtenstein",
          "Lithuania",
          "Luxembourg",
          "Madagascar",
          "Malawi",
          "Malaysia",
          "Maldives",
          "Mali",
          "Malta",
          "Marshall Islands",
          "Mauritania",
          "Mauritius",
          "Mexico",
          "Micronesia",
          "Moldova",
          "Monaco",
          "Mongolia",
          "Montenegro",
          "Morocco",
          "Mozambique",
          "Myanmar",
          "Namibia",
          "Nauru",
          "Nepal",
          "Netherlands",
          "New Zealand",
          "Nicaragua",
          "Niger",
          "Nigeria",
          "North Korea",
          "North Macedonia",
          "Norway",
          "Oman",
          "Pakistan",
          "Palau",
          "Panama",
          "Papua New Guinea",
          "Paraguay",
          "Peru",
          "Philippines",
          "Poland",
          "Portugal",
          "Qatar",
          "Romania",
          "Russia",
          "Rwanda",
          "Saint Kitts and Nevis",
          "Saint Lucia",
          "Saint Vincent and the Grenadines",
          "Samoa",
          "San Marino",
          "Sao Tome and Principe",
          "Saudi Arabia",
          "Senegal",
          "Serbia",
          "Seychelles",
          "Sierra Leone",
          "Singapore",
          "Slovakia",
          "Slovenia",
          "Solomon Islands",
          "Somalia",
          "South Africa",
          "South Korea",
          "South Sudan",
          "Spain",
          "Sri Lanka",
          "Sudan",
          "Suriname",
          "Sweden",
          "Switzerland",
          "Syria",
          "Tajikistan",
          "Tanzania",
          "Thailand",
          "Timor-Leste",
          "Togo",
          "Tonga",
          "Trinidad and Tobago",
          "Tunisia",
          "Turkey",
          "Turkmenistan",
          "Tuvalu",
          "Uganda",
          "Ukraine",
          "United Arab Emirates",
          "United Kingdom",
          "United States",
          "Uruguay",
          "Uzbekistan",
          "Vanuatu",
          "Venezuela",
          "Vietnam",
          "Yemen",
          "Zambia",
          "Zimbabwe",
          "Holy See",
          "Palestine");

  /**
   * The same states in the same order, by their Spanish names. Two Spanish names are not forms of
   * the gazetteer because they are common place names too (the city of Granada, Mexico's Santa
   * Lucía airport); the English names, also used in Spanish text, stand in for them.
   */
  private static final List<String> MEMBERS_ES =
      List.of(
          "Afganistán",
          "Albania",
          "Argelia",
          "Andorra",
          "Angola",
          "Antigua y Barbuda",
          "Argentina",
          "Armenia",
          "Australia",
          "Austria",
          "Azerbaiyán",
          "Bahamas",
          "Baréin",
          "Bangladés",
          "Barbados",
          "Bielorrusia",
          "Bélgica",
          "Belice",
          "Benín",
          "Bután",
          "Bolivia",
          "Bosnia y Herzegovina",
          "Botsuana",
          "Brasil",
          "Brunéi",
          "Bulgaria",
          "Burkina Faso",
          "Burundi",
          "Cabo Verde",
          "Camboya",
          "Camerún",
          "Canadá",
          "República Centroafricana",
          "Chad",
          "Chile",
          "China",
          "Colombia",
          "Comoras",
          "República del Congo",
          "Costa Rica",
          "Costa de Marfil",
          "Croacia",
          "Cuba",
          "Chipre",
          "Chequia",
          "República Democrática del Congo",
          "Dinamarca",
          "Yibuti",
          "Dominica",
          "República Dominicana",
          "Ecuador",
          "Egipto",
          "El Salvador",
          "Guinea Ecuatorial",
          "Eritrea",
          "Estonia",
          "Esuatini",
          "Etiopía",
          "Fiyi",
          "Finlandia",
          "Francia",
          "Gabón",
          "Gambia",
          "Georgia",
          "Alemania",
          "Ghana",
          "Grecia",
          "Grenada",
          "Guatemala",
          "Guinea",
          "Guinea-Bisáu",
          "Guyana",
          "Haití",
          "Honduras",
          "Hungría",
          "Islandia",
          "India",
          "Indonesia",
          "Irán",
          "Irak",
          "Irlanda",
          "Israel",
          "Italia",
          "Jamaica",
          "Japón",
          "Jordania",
          "Kazajistán",
          "Kenia",
          "Kiribati",
          "Kuwait",
          "Kirguistán",
          "Laos",
          "Letonia",
          "Líbano",
          "Lesoto",
          "Liberia",
          "Libia",
          "Liechtenstein",
          "Lituania",
          "Luxemburgo",
          "Madagascar",
          "Malaui",
          "Malasia",
          "Maldivas",
          "Malí",
          "Malta",
          "Islas Marshall",
          "Mauritania",
          "Mauricio",
          "México",
          "Micronesia",
          "Moldavia",
          "Mónaco",
          "Mongolia",
          "Montenegro",
          "Marruecos",
          "Mozambique",
          "Birmania",
          "Namibia",
          "Nauru",
          "Nepal",
          "Países Bajos",
          "Nueva Zelanda",
          "Nicaragua",
          "Níger",
          "Nigeria",
          "Corea del Norte",
          "Macedonia del Norte",
          "Noruega",
          "Omán",
          "Pakistán",
          "Palaos",
          "Panamá",
          "Papúa Nueva Guinea",
          "Paraguay",
          "Perú",
          "Filipinas",
          "Polonia",
          "Portugal",
          "Catar",
          "Rumania",
          "Rusia",
          "Ruanda",
          "San Cristóbal y Nieves",
          "Saint Lucia",
          "San Vicente y las Granadinas",
          "Samoa",
          "San Marino",
          "Santo Tomé y Príncipe",
          "Arabia Saudita",
          "Senegal",
          "Serbia",
          "Seychelles",
          "Sierra Leona",
          "Singapur",
          "Eslovaquia",
          "Eslovenia",
          "Islas Salomón",
          "Somalia",
          "Sudáfrica",
          "Corea del Sur",
          "Sudán del Sur",
          "España",
          "Sri Lanka",
          "Sudán",
          "Surinam",
          "Suecia",
          "Suiza",
          "Siria",
          "Tayikistán",
          "Tanzania",
          "Tailandia",
          "Timor Oriental",
          "Togo",
          "Tonga",
          "Trinidad y Tobago",
          "Túnez",
          "Turquía",
          "Turkmenistán",
          "Tuvalu",
          "Uganda",
          "Ucrania",
          "Emiratos Árabes Unidos",
          "Reino Unido",
          "Estados Unidos",
          "Uruguay",
          "Uzbekistán",
          "Vanuatu",
          "Venezuela",
          "Vietnam",
          "Yemen",
          "Zambia",
          "Zimbabue",
          "Santa Sede",
          "Palestina");

  @Test
  void shouldGiveEveryUnMemberAndObserverAKeyOfItsOwn() {
    assertThat(MEMBERS_EN).hasSize(195);
    Set<String> keys = new HashSet<>();
    for (String name : MEMBERS_EN) {
      keys.add(keyOfWhole(name));
    }
    assertThat(keys).hasSize(195);
  }

  @Test
  void shouldKnowEveryMemberByItsSpanishNameToo() {
    assertThat(MEMBERS_ES).hasSameSizeAs(MEMBERS_EN);
    for (int i = 0; i < MEMBERS_EN.size(); i++) {
      assertThat(keyOfWhole(MEMBERS_ES.get(i)))
          .as(MEMBERS_ES.get(i))
          .isEqualTo(keyOfWhole(MEMBERS_EN.get(i)));
    }
  }

  @Test
  void shouldReadDemonymsShortFormsAndCapitalsAsTheirState() {
    String[][] sameAs = {
      {"mexicanas", "Mexico"},
      {"Mexican", "Mexico"},
      {"mexicanos", "Mexico"},
      {"U.S.", "United States"},
      {"US troops", "United States"},
      {"EE.UU.", "United States"},
      {"EEUU", "United States"},
      {"Washington", "United States"},
      {"estadounidense", "United States"},
      {"UK", "United Kingdom"},
      {"británicos", "United Kingdom"},
      {"RDC", "Democratic Republic of the Congo"},
      {"DRC", "Democratic Republic of the Congo"},
      {"Kinshasa", "Democratic Republic of the Congo"},
      {"Moscú", "Russia"},
      {"Moscow", "Russia"},
      {"Pekín", "China"},
      {"Beijing", "China"},
      {"Kigali", "Rwanda"},
      {"ruandeses", "Rwanda"},
      {"Tehran", "Iran"},
      {"Caracas", "Venezuela"},
      {"Port Moresby", "Papua New Guinea"},
      {"vanuatuenses", "Vanuatu"},
      {"Filipinos", "Philippines"},
      {"Chisinau", "Moldova"},
      {"burkinabè", "Burkina Faso"}
    };
    for (String[] pair : sameAs) {
      String form = pair[0].equals("US troops") ? "US" : pair[0];
      assertThat(keyOfWhole(form, pair[0])).as(pair[0]).isEqualTo(keyOfWhole(pair[1]));
    }
  }

  @Test
  void shouldCountATerritoryAsTheStateThatHoldsItUnlessItsStatusIsDisputed() {
    String[][] heldBy = {
      {"Guam", "United States"},
      {"Puerto Rico", "United States"},
      {"American Samoa", "United States"},
      {"Nouméa", "France"},
      {"New Caledonia", "France"},
      {"Nueva Caledonia", "France"},
      {"Bermuda", "United Kingdom"},
      {"Northern Ireland", "United Kingdom"},
      {"Transnistria", "Moldova"},
      {"Abkhazia", "Georgia"},
      {"Crimea", "Ukraine"},
      {"Ceuta", "Spain"},
      {"Svalbard", "Norway"},
      {"Okinawa", "Japan"},
      {"Bougainville", "Papua New Guinea"}
    };
    for (String[] pair : heldBy) {
      assertThat(keyOfWhole(pair[0])).as(pair[0]).isEqualTo(keyOfWhole(pair[1]));
    }
    String[][] apart = {
      {"Taiwan", "China"}, {"Western Sahara", "Morocco"}, {"Falklands", "United Kingdom"},
      {"Malvinas", "Argentina"}, {"Gibraltar", "Spain"}, {"Kosovo", "Serbia"},
      {"Greenland", "Denmark"}, {"Sudán del Sur", "Sudan"}, {"Samoa", "United States"}
    };
    for (String[] pair : apart) {
      assertThat(keyOfWhole(pair[0])).as(pair[0]).isNotEqualTo(keyOfWhole(pair[1]));
    }
  }

  @Test
  void shouldNotTakeCommonWordsOrNamesForStates() {
    for (String text :
        List.of(
            "las partes firmaron la paz en 2016",
            "the deal was a Latin American first",
            "una economía sana y una moneda estable",
            "la asunción del presidente fue el lunes",
            "el parque de los lagos del sur",
            "Papua New Guinea",
            "la antigua colonia y la antigua capital")) {
      List<String> found = new ArrayList<>();
      for (int[] m : mentions(text)) {
        found.add(COUNTRIES.keys().get(m[2]));
      }
      if (text.equals("Papua New Guinea")) {
        assertThat(found).as(text).containsExactly("png");
      } else {
        assertThat(found).as(text).isEmpty();
      }
    }
  }

  @Test
  void shouldFindWhatTryingEveryKeyAtEveryWordFinds() {
    String text =
        String.join(" ", MEMBERS_EN)
            + ". "
            + String.join(", ", MEMBERS_ES)
            + ". Las tropas de EE.UU. y de la RDC; US officials in Washington and Moscú, Pekín and"
            + " Kyiv. Latin American leaders met South Sudanese and Papua New Guinean envoys.";
    Field f = TAXONOMY.field("text", text, 1);

    List<int[]> fast = f.entityMentions("country", 0, text.length(), new BitSet());
    List<int[]> slow = slowScan(f);

    assertThat(firstOfEachKey(fast)).isEqualTo(firstOfEachKey(slow));
  }

  /** The key of the single mention that covers all of {@code name}. */
  private static String keyOfWhole(String name) {
    return keyOfWhole(name, name);
  }

  private static String keyOfWhole(String name, String text) {
    List<int[]> found = mentions(text);
    assertThat(found).as(text).isNotEmpty();
    int[] first = found.get(0);
    assertThat(first[1] - first[0]).as(text).isEqualTo(name.length());
    return COUNTRIES.keys().get(first[2]);
  }

  private static List<int[]> mentions(String text) {
    Field f = TAXONOMY.field("text", text, 1);
    return f.entityMentions("country", 0, text.length(), new BitSet());
  }

  /** At each word start the first key in file order that matches, then on after its match. */
  private static List<int[]> slowScan(Field f) {
    List<int[]> out = new ArrayList<>();
    int k = 0;
    while (k < f.wordStarts.length) {
      int next = k + 1;
      for (int key = 0; key < COUNTRIES.keys().size(); key++) {
        Matcher m = COUNTRIES.pattern(key).matcher(f.folded);
        m.useTransparentBounds(true).useAnchoringBounds(false);
        m.region(f.wordStarts[k], f.folded.length());
        if (m.lookingAt()) {
          out.add(new int[] {m.start(), m.end(), key});
          next = Math.max(next, f.wordAtOrAfter(m.end()));
          break;
        }
      }
      k = next;
    }
    return out;
  }

  private static List<String> firstOfEachKey(List<int[]> mentions) {
    Set<Integer> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int[] m : mentions) {
      if (seen.add(m[2])) {
        out.add(m[0] + "-" + m[1] + ":" + COUNTRIES.keys().get(m[2]));
      }
    }
    return out;
  }

  private static Taxonomy defaultTaxonomy() {
    try (var in = Tagger.class.getResourceAsStream(Tagger.DEFAULT_RESOURCE)) {
      return Taxonomy.read(in, Tagger.DEFAULT_RESOURCE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
