package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The monthly brief over the full sample, rendered once and read back with PDFBox. */
class ReporterTest {
  static final Path OUT = Path.of("target/test-output/reporter");
  static final Path REPORTS = Path.of("reports");
  static BriefDefinition monthly;
  static RenderedBrief brief;
  static String text;

  @BeforeAll
  static void render() throws IOException {
    monthly = BriefDefinition.load(REPORTS, "monthly-brief");
    brief = Reporter.render(SampleBriefs.full(), monthly, OUT.resolve("monthly"), SampleBriefs.RENDERED);
    try (PDDocument doc = PdfChecks.load(brief.pdf())) {
      text = PdfChecks.text(doc);
    }
    System.out.println("monthly brief: " + brief.pdf() + " with " + Fonts.system().describe());
  }

  @Test
  void filesHavePredictableNames() {
    assertThat(brief.pdf().getFileName()).hasToString("monthly-brief_2025-01-01_2025-03-31.pdf");
    assertThat(brief.charts()).extracting(p -> p.getFileName().toString()).containsExactly(
        "monthly-brief_2025-01-01_2025-03-31_top_people.png",
        "monthly-brief_2025-01-01_2025-03-31_top_organizations.png",
        "monthly-brief_2025-01-01_2025-03-31_sanctions_by_corpus.png",
        "monthly-brief_2025-01-01_2025-03-31_themes_over_time.png",
        "monthly-brief_2025-01-01_2025-03-31_organizations_by_sanction.png");
    assertThat(brief.manifest().getFileName()).hasToString("manifest.json");
    assertThat(brief.all()).allMatch(Files::exists);
  }

  @Test
  void textHoldsNamesTypesFindingsAndCitations() {
    assertThat(text).contains("North Korea Monthly Brief", "Research analysts, journalists and compliance teams",
        "1 Jan 2025", "31 Mar 2025", "run-2025-04-01-0600", "2025-04-01 06:30 UTC",
        "Kim Jong Un", "Choe Son Hui", "Organization and Guidance Department", "Pyongyang",
        "Dismissal", "Revolutionization", "UN sanctions", "Arrest",
        "Defector network", "State media");
    for (String finding : Findings.of(SampleBriefs.full())) {
      assertThat(text).contains(finding);
    }
    // evidence sentences with their citations: corpus, title, date
    assertThat(text).contains(SampleBriefs.PAK_SENTENCE, SampleBriefs.OGD_SENTENCE, SampleBriefs.HYESAN_SENTENCE);
    assertThat(text).contains("[2] Daily NK (dailynk), \u201cSenior munitions official removed after party inspection\u201d, 2025-02-11");
    assertThat(text).contains("[1] KCNA, \u201cEnlarged plenary meeting of WPK Central Committee held\u201d, 2025-01-23");
    assertThat(text).contains("Level: Secretary of the Central Committee", "Number: three", "Certainty: confirmed",
        "Reason: bribes for cadre appointments");
    assertThat(text).contains("https://example.org/dailynk/2025/02/11/munitions-inspection");
    assertThat(text).contains("sanctions 2025.1, themes 2025.1", "gazetteer 2025.2");
    // undated articles are left out of a dated brief, and it says so; the theme chart says what it counts and spans
    assertThat(text.replaceAll("\\s+", " ")).contains("2 articles of these corpora have no date, so they are counted in "
        + "no period's figures or charts; their sanction events are listed after the period's, marked undated.", "Articles mentioning each theme, per month, over the 12 months to 31 Mar 2025 (1 Apr 2024 \u2013 "
        + "31 Mar 2025).");
    if (Fonts.system().hasHangul()) {
      assertThat(text).contains("김정은", "조직지도부", "평양");
    } else {
      System.out.println("no Hangul font on this machine: Hangul text not checked");
    }
  }

  /** The sanctions section opens with organizations by sanction type, most events first. */
  @Test
  void sanctionsSectionTellsWhoIsBeingPunishedHow() throws IOException {
    assertThat(text).contains(EvidenceSections.WHO_IS_PUNISHED_HOW,
        "negated, denied and contradicted reports are not counted");
    String section = text.substring(text.indexOf(EvidenceSections.WHO_IS_PUNISHED_HOW));
    // SampleBriefs: the OGD's 6 investigations lead, then the MSS's 5 arrests
    assertThat(section.indexOf("Organization and Guidance Department Investigation 6"))
        .isNotNegative().isLessThan(section.indexOf("Ministry of State Security Arrest 5"));
    try (PDDocument doc = PdfChecks.load(brief.pdf())) {
      assertThat(PdfChecks.outlineTitles(doc)).contains("  " + EvidenceSections.WHO_IS_PUNISHED_HOW);
    }
  }

  @Test
  void pagesAreNumberedNOfM() throws IOException {
    try (PDDocument doc = PdfChecks.load(brief.pdf())) {
      int n = doc.getNumberOfPages();
      assertThat(n).isGreaterThan(1);
      assertThat(text).contains("Page 1 of " + n, "Page " + n + " of " + n);
    }
  }

  @Test
  void outlineHasAnEntryPerSection() throws IOException {
    try (PDDocument doc = PdfChecks.load(brief.pdf())) {
      List<String> outline = PdfChecks.outlineTitles(doc);
      assertThat(outline).contains("Cover");
      for (Section s : monthly.sections()) {
        assertThat(outline).contains(s.title());
      }
      assertThat(outline).contains("  Figure 1. Most mentioned people", "  Dismissal (2)");
    }
  }

  @Test
  void documentInformationIsSet() throws IOException {
    try (PDDocument doc = PdfChecks.load(brief.pdf())) {
      PDDocumentInformation info = doc.getDocumentInformation();
      assertThat(info.getTitle()).isEqualTo("North Korea Monthly Brief \u2014 1 Jan 2025 \u2013 31 Mar 2025");
      assertThat(info.getAuthor()).isEqualTo("nkwatch");
      assertThat(info.getSubject()).contains("monthly-brief", "dailynk");
      assertThat(info.getKeywords()).contains("North Korea", "sanctions", "dismissal", "revolutionization");
      assertThat(info.getCreationDate().getTimeInMillis()).isEqualTo(SampleBriefs.RENDERED.toEpochMilli());
      assertThat(info.getModificationDate().get(Calendar.YEAR)).isEqualTo(2025);
      COSArray id = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
      assertThat(id).isNotNull();
      assertThat(id.size()).isEqualTo(2);
    }
  }

  @Test
  void everyFontIsEmbedded() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(Fonts.system().regularFile().isPresent(),
        "no TrueType font on this machine: the brief uses Standard 14 Helvetica, which is not embedded");
    try (PDDocument doc = PdfChecks.load(brief.pdf())) {
      assertThat(PdfChecks.unembeddedFonts(doc)).isEmpty();
    }
  }

  @Test
  void chartsPageHoldsImages() throws IOException {
    try (PDDocument doc = PdfChecks.load(brief.pdf())) {
      int images = 0;
      for (PDPage page : doc.getPages()) {
        images += PdfChecks.imageCount(page);
      }
      assertThat(images).isEqualTo(monthly.charts().size());
      assertThat(PdfChecks.imageCount(doc.getPage(2))).as("the page after key figures and findings").isPositive();
    }
  }

  @Test
  void evidenceLinksAreClickable() throws IOException {
    try (PDDocument doc = PdfChecks.load(brief.pdf())) {
      List<String> uris = new java.util.ArrayList<>();
      for (PDPage page : doc.getPages()) {
        for (PDAnnotation a : page.getAnnotations()) {
          if (a instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
            uris.add(uri.getURI());
          }
        }
      }
      assertThat(uris).contains("https://example.org/dailynk/2025/02/11/munitions-inspection",
          "https://example.org/yonhap/2025/03/19/panel-report");
    }
  }

  @Test
  void chartPngsDecodeAtTheDefaultSizeAndAreNotOneColour() throws IOException {
    for (Path png : brief.charts()) {
      BufferedImage img = ImageIO.read(png.toFile());
      assertThat(img.getWidth()).as(png.toString()).isEqualTo(1000);
      assertThat(img.getHeight()).isEqualTo(560);
      assertThat(ChartRendererTest.distinctColours(img)).isGreaterThan(20);
    }
  }

  @Test
  void manifestListsTheBriefWithItsHashAndCharts() throws IOException {
    BriefManifest.Manifest m = BriefManifest.read(brief.pdf().getParent());
    BriefManifest.Entry e = m.briefs().stream()
        .filter(b -> b.file().equals(brief.pdf().getFileName().toString())).findFirst().orElseThrow();
    assertThat(e.name()).isEqualTo("monthly-brief");
    assertThat(e.periodStart()).isEqualTo("2025-01-01");
    assertThat(e.periodEnd()).isEqualTo("2025-03-31");
    assertThat(e.sha256()).isEqualTo(BriefManifest.sha256(brief.pdf()));
    assertThat(e.bytes()).isEqualTo(Files.size(brief.pdf()));
    assertThat(e.charts()).extracting(BriefManifest.Chart::file)
        .containsExactlyElementsOf(brief.charts().stream().map(p -> p.getFileName().toString()).toList());
    assertThat(e.charts().get(0).sha256()).isEqualTo(BriefManifest.sha256(brief.charts().get(0)));
  }
}
