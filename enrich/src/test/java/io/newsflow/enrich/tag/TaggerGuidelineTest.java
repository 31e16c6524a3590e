package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The labeling guideline's cases on snippets written for this test (not taken from the dev set):
 * positives, one hard negative per false friend, and the co-labeling rules R1-R8, in EN and ES.
 */
class TaggerGuidelineTest {
  private static final Tagger TAGGER = Tagger.loadDefault();
  private static final Set<String> BOTH = Set.of("sovereignty", "intervention");
  private static final Set<String> SOV = Set.of("sovereignty");
  private static final Set<String> INT = Set.of("intervention");
  private static final Set<String> NONE = Set.of();

  static Stream<Arguments> cases() {
    return Stream.of(
        // R1: a state rejects a foreign operation on its soil
        of(
            "R1 en",
            BOTH,
            "Caracas rejects US special forces plan",
            "Venezuela's foreign minister said the country would never allow American special forces to operate on its soil, calling the plan an assault on Venezuelan sovereignty."),
        of(
            "R1 es",
            BOTH,
            "Bogotá rechaza tropas extranjeras",
            "El presidente colombiano afirmó que no permitirá la entrada de tropas extranjeras al país y que la soberanía nacional no se negocia."),
        // R2: a foreign strike called a violation
        of(
            "R2 en",
            BOTH,
            "Iraq summons Turkish envoy over drone strike",
            "Iraq summoned Turkey's ambassador after a Turkish drone strike near Sinjar, calling the attack a flagrant violation of Iraqi territory."),
        of(
            "R2 es",
            BOTH,
            "Venezuela denuncia sobrevuelo",
            "El Gobierno venezolano denunció que un avión militar de Estados Unidos ingresó sin autorización en el espacio aéreo venezolano."),
        // R3: a cross-border strike reported as a mere location
        of(
            "R3 en",
            INT,
            "US jets hit militia depots in eastern Syria",
            "American aircraft struck two weapons depots used by militias in Syria overnight, the Pentagon said."),
        of(
            "R3 es",
            INT,
            "Israel bombardea el sur del Líbano",
            "La aviación israelí bombardeó varias posiciones en el sur del Líbano, según el ejército de Israel."),
        // R4: foreign criticism answered as meddling, no coercive act
        of(
            "R4 en",
            SOV,
            "Budapest tells Brussels to stop meddling",
            "Hungary's government accused European Commission officials of meddling in its internal affairs after they criticised a media law."),
        of(
            "R4 es",
            SOV,
            "México responde al embajador",
            "La cancillería mexicana calificó de injerencia las declaraciones del embajador estadounidense sobre la reforma judicial."),
        // R5: ownership or status claim, no force
        of(
            "R5 en",
            SOV,
            "Argentina renews Falklands claim",
            "Argentina's foreign minister told a UN committee that the islands are an integral part of Argentine territory and asked Britain to negotiate the sovereignty dispute."),
        of(
            "R5 es",
            SOV,
            "Venezuela insiste en el Esequibo",
            "El Gobierno de Venezuela reiteró que no reconocerá el fallo de la Corte en la controversia territorial con Guyana."),
        // R6: the same claim plus force not ruled out
        of(
            "R6 en",
            BOTH,
            "Leader refuses to rule out force over island",
            "The president said the island should belong to his country and declined to rule out military force to take it. The island's government said it was not for sale."),
        // R7: a historical intervention framing a present warning
        of(
            "R7 es",
            BOTH,
            "México recuerda la invasión de 1847",
            "En el aniversario de la invasión de 1847, el presidente advirtió que México no aceptará ninguna intervención militar extranjera y que defenderá su soberanía."),
        // R8: the topic only in trailing link lines
        of(
            "R8 en",
            NONE,
            "Rice exports rise in Vietnam",
            "Vietnam's rice exports rose 12 percent in the first half, the ministry said.\n\nALSO READ: Manila says Beijing violated its sovereignty\nRelated: Coast guard fires water cannon"),
        of(
            "R8 es",
            NONE,
            "Suben las ventas de autos",
            "La venta de autos creció un 8 % en octubre.\n\nLEE TAMBIÉN: Cuba denuncia injerencia de Washington y defiende su soberanía\nSíguenos en WhatsApp"),
        // positives without a co-label
        of(
            "peace mission es",
            INT,
            "Llegan cascos azules al Congo",
            "Un contingente de militares uruguayos llegó a Goma para integrarse a la misión de la ONU en la República Democrática del Congo."),
        of(
            "threat en",
            INT,
            "Senators file bill against cartels",
            "Two senators introduced a bill to authorise the use of military force against Mexican drug cartels abroad."),
        // hard negatives: one per false friend
        of(
            "sovereign debt",
            NONE,
            "Egypt sells sovereign sukuk",
            "Egypt sold $1.5 billion of sovereign sukuk, and its sovereign spreads narrowed as investors bet on more support."),
        of(
            "bonos soberanos",
            NONE,
            "Suben los bonos soberanos",
            "Los bonos soberanos de Argentina subieron y el fondo soberano de Chile reportó ganancias; la calificación soberana de Perú no cambió."),
        of(
            "monarchy",
            NONE,
            "The Sovereign opens parliament",
            "The Sovereign travelled to Westminster to open parliament, and the Sovereign Grant report was published."),
        of(
            "soberania popular",
            NONE,
            "Debate sobre la reforma judicial",
            "Los legisladores defendieron la elección de jueces por voto popular porque la soberanía reside esencialmente en el pueblo."),
        of(
            "food sovereignty",
            NONE,
            "Farmers fair celebrates food sovereignty",
            "Small farmers gathered for a food sovereignty fair, swapping native maize seeds."),
        of(
            "soberania energetica",
            NONE,
            "Pemex presume soberanía energética",
            "La refinería alcanzó una producción récord, lo que según el Gobierno fortalece la soberanía energética del país."),
        of(
            "sovereign cloud",
            NONE,
            "Provider launches sovereign cloud",
            "A cloud provider launched a sovereign cloud region and sovereign AI services for public-sector customers."),
        of(
            "medical",
            NONE,
            "Éxito de una intervención quirúrgica",
            "El hospital informó que la intervención quirúrgica al futbolista fue un éxito."),
        of(
            "early childhood",
            NONE,
            "Programa de intervención temprana",
            "El ayuntamiento abrió un centro de atención e intervención temprana para niños."),
        of(
            "currency",
            NONE,
            "Central bank intervenes to support the won",
            "South Korea's central bank intervened in the foreign exchange market, selling dollars to slow the currency's slide."),
        of(
            "referee",
            NONE,
            "Referee intervention decides derby",
            "A late intervention by the video referee overturned a penalty in the derby."),
        of(
            "regulator",
            NONE,
            "La superintendencia interviene una cooperativa",
            "La superintendencia ordenó la intervención de una cooperativa de ahorro por irregularidades contables."),
        of(
            "wiretap",
            NONE,
            "Juez autoriza intervención de comunicaciones",
            "Un juez autorizó la intervención de comunicaciones de tres sospechosos de extorsión."),
        of(
            "heritage",
            NONE,
            "Concluye la intervención en la catedral",
            "Restauradores concluyeron la intervención en la fachada de la catedral."),
        of(
            "troops at home en",
            NONE,
            "Texas sends National Guard to the border",
            "The governor ordered 1,000 more National Guard soldiers to the Rio Grande to help police patrol the border with Mexico."),
        of(
            "troops at home es",
            NONE,
            "Despliegan militares en Sinaloa",
            "La Secretaría de la Defensa Nacional desplegó 2.000 militares más en Culiacán tras los enfrentamientos entre facciones del cártel."),
        of(
            "private meddling",
            NONE,
            "Herederos acusan a su tío",
            "Los herederos de una cadena de panaderías acusan a su tío, socio de la empresa, de injerencia en la gestión diaria."),
        of(
            "strike a deal",
            NONE,
            "US and China strike trade deal",
            "The United States and China struck a deal to cut tariffs on farm goods, officials in Washington and Beijing said."),
        of(
            "labour strike",
            NONE,
            "Dockworkers strike at Canadian ports",
            "Workers at Canadian ports went on strike on Monday, disrupting trade with the United States."),
        of(
            "police raid",
            NONE,
            "Police raid Chinese-owned firm in Spain",
            "Spanish police raided the Madrid offices of a Chinese-owned company in a tax fraud investigation."),
        of(
            "arms purchase",
            NONE,
            "Colombia compra aviones de combate suecos",
            "Colombia firmó la compra de 17 aviones de combate a Suecia, informó el Ministerio de Defensa."),
        of(
            "negated incursion",
            INT,
            "NATO jets intercept Russian bombers",
            "Allied fighter jets intercepted two Russian bombers over the Baltic Sea, NATO said, adding the aircraft had not entered allied airspace."),
        of(
            "sovereignty in an identifying clause",
            NONE,
            "Hong Kong home prices edge up",
            "Home prices in Hong Kong, whose sovereignty Britain handed to China in 1997, rose for a third month."),
        of(
            "soberania en una aposicion",
            NONE,
            "Récord de cruceros en las islas",
            "Las islas, cuya soberanía fue objeto de una guerra en 1982, recibieron un récord de cruceros esta temporada."),
        of(
            "historical aside",
            NONE,
            "Baghdad book fair draws crowds",
            "The book fair drew record crowds. Iraq, invaded by a US-led coalition in 2003, has seen its publishing industry revive, organisers said."),
        // phrasings of a rejected or unconsented foreign presence
        of(
            "consent never given en",
            BOTH,
            "Niger disputes drone base",
            "Niger's government said it had never consented to the presence of American drones at the Agadez base."),
        of(
            "consentimiento nunca dado es",
            BOTH,
            "Honduras y la base de Palmerola",
            "El Gobierno de Honduras afirmó que nunca autorizó la presencia de militares estadounidenses en la base de Palmerola."),
        of(
            "no foreign troops will be en",
            BOTH,
            "Bogotá rules out foreign forces",
            "There will be no foreign troops on Colombian soil, the defence minister told reporters."),
        of(
            "no habra tropas extranjeras es",
            BOTH,
            "Bolivia descarta bases",
            "No habrá tropas extranjeras en nuestro territorio, dijo el presidente boliviano."),
        // phrasings of a claim without force
        of(
            "illegal fishing in the EEZ en",
            SOV,
            "Manila protests Chinese trawlers",
            "The Philippine fisheries bureau said Chinese trawlers were fishing illegally inside the country's exclusive economic zone."),
        of(
            "pesca sin licencia en la ZEE es",
            SOV,
            "Ecuador denuncia a pesqueros",
            "Ecuador denunció que barcos pesqueros chinos faenaron sin licencia dentro de su zona económica exclusiva."),
        of(
            "no battlefield for others en",
            SOV,
            "Yerevan warns its neighbours",
            "Armenia will not allow its territory to become a battlefield for other powers, the prime minister said."),
        of(
            "ordenes del extranjero es",
            SOV,
            "Budapest responde a Bruselas",
            "El primer ministro húngaro dijo que su Gobierno no recibe órdenes del extranjero sobre su ley de medios."),
        of(
            "redraw the borders en",
            SOV,
            "Belgrade rejects Pristina resolution",
            "Serbia's president said no resolution passed in Pristina could redraw the borders of Serbia."),
        of(
            "selling sovereignty en",
            SOV,
            "Opposition attacks loan deal",
            "The opposition accused the president of selling the country's sovereignty to Beijing in exchange for loans."),
        of(
            "occupation of our land en",
            BOTH,
            "Kinshasa protests to Kigali",
            "Congo's government said the presence of Rwandan soldiers around Rubaya was an occupation of our land."),
        // hard negatives of those phrasings
        of(
            "a related coverage list",
            NONE,
            "Port reopens after repairs",
            "The port reopened on Monday after three weeks of repairs.\n\nRelated coverage\n- Iranian drones strike tanker off Oman\n- Sovereignty row over reef"),
        of(
            "a battle reenactment",
            NONE,
            "Town relives 1812 battle",
            "Re-enactors from Canada, Britain and the United States staged the battle of 1812, in which American troops had invaded the town, before 5,000 visitors."),
        of(
            "export orders from abroad",
            NONE,
            "Avocado exports boom",
            "Export orders from abroad for Mexican avocados doubled this year, the ministry said."),
        of(
            "redrawn electoral maps",
            NONE,
            "Texas map fight",
            "Lawmakers in Texas voted to redraw congressional maps before the midterm elections."),
        of(
            "central bank independence en",
            NONE,
            "Lira slides",
            "Opposition lawmakers accused the president of trying to hand over the central bank's independence to the palace."),
        of(
            "independencia del banco central es",
            NONE,
            "El ministro y el Banco Central",
            "El ministro de Economía afirmó que el Gobierno respetará la independencia del Banco Central."),
        of(
            "humanitarian intervention of an aid agency",
            NONE,
            "Food aid reaches Darfur",
            "The agency said its humanitarian intervention had reached two million people through a new crossing from Chad."),
        of(
            "coast guard rescue of migrants",
            NONE,
            "Migrants rescued off Crete",
            "The Greek coast guard rescued 80 migrants after their boat entered Greek waters from Libya."),
        of(
            "agresion contra una periodista",
            NONE,
            "Condena por agresión",
            "La agresión contra la periodista mexicana fue condenada por la embajada de Francia."),
        of(
            "aggression in football",
            NONE,
            "Club condemns attack on bus",
            "The club called the stoning of its team bus an act of aggression against Brazilian football."),
        of(
            "a study funded by a foreign ministry",
            NONE,
            "Malaria trial in Kenya",
            "The study was funded by the UK's Foreign, Commonwealth and Development Office and a US foundation."),
        of(
            "troops to a province and the border",
            NONE,
            "Peru reinforces the south",
            "Peru's government sent 2,000 soldiers to the region of Puno and the border with Bolivia after protests."));
  }

  private static Arguments of(String name, Set<String> expected, String title, String text) {
    return Arguments.of(name, expected, title, text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldLabelAsTheGuidelineSays(String name, Set<String> expected, String title, String text) {
    List<Tag> tags = TAGGER.tag(title, text, null);

    Set<String> labels = new TreeSet<>();
    tags.forEach(t -> labels.add(t.name()));
    assertThat(labels).as(name).isEqualTo(new TreeSet<>(expected));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldGiveEvidenceThatPointsIntoTheFields(
      String name, Set<String> expected, String title, String text) {
    for (Tag tag : TAGGER.tag(title, text, null)) {
      assertThat(tag.score()).isBetween(0.0, 1.0);
      assertThat(tag.evidence()).as(name).isNotEmpty();
      for (Match m : tag.evidence()) {
        String field = m.field().equals("title") ? title : text;
        assertThat(field.substring(m.start(), m.end())).isEqualTo(m.phrase());
        assertThat(m.rule()).isNotBlank();
      }
    }
  }
}
