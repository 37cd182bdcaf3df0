package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BriefLedgerTest {
  private static BriefLedger.Entry entry(String brief, String sources, String pdf) {
    return new BriefLedger.Entry(brief, sources, "run-" + pdf, new BriefLedger.File(pdf, "sha-" + pdf, 1234, 5678),
        List.of(new BriefLedger.File(pdf + "_chart.png", "sha-chart", 99, 5679)));
  }

  @Test
  void aBriefIsFoundOnlyAsLastRenderedAndFromTheSameSources() {
    BriefLedger ledger = BriefLedger.EMPTY
        .recording(List.of(entry("monthly-brief", "s1", "m1.pdf"), entry("weekly-watch", "s2", "w1.pdf")))
        .recording(List.of(entry("monthly-brief", "s3", "m2.pdf")));
    assertThat(ledger.renderedFrom("monthly-brief", "s3")).map(e -> e.pdf().name()).contains("m2.pdf");
    assertThat(ledger.renderedFrom("monthly-brief", "s1")).as("no longer the last rendering").isEmpty();
    assertThat(ledger.renderedFrom("weekly-watch", "s2")).map(e -> e.pdf().name()).contains("w1.pdf");
    assertThat(ledger.renderedFrom("weekly-watch", null)).as("sources not known").isEmpty();
    assertThat(ledger.renderedFrom("other", "s2")).isEmpty();
    assertThat(entry("weekly-watch", "s2", "w1.pdf").files()).extracting(BriefLedger.File::name)
        .containsExactly("w1.pdf", "w1.pdf_chart.png");
  }

  @Test
  void itRoundTripsThroughJson() {
    BriefLedger ledger = BriefLedger.EMPTY.recording(List.of(entry("weekly-watch", "s2", "w1.pdf"),
        entry("monthly-brief", "s1", "m1.pdf")));
    String json = ledger.toJson();
    assertThat(json).doesNotContain("\"files\"", "\"complete\"");
    BriefLedger back = BriefLedger.fromJson("test", json);
    assertThat(back.entries()).isEqualTo(ledger.entries());
    assertThat(back.entries()).extracting(BriefLedger.Entry::brief).containsExactly("monthly-brief", "weekly-watch");
    assertThat(BriefLedger.fromJson("test", "{}").entries()).isEmpty();
  }

  @Test
  void aBrokenLedgerIsAnErrorNamingItsFile() {
    assertThatThrownBy(() -> BriefLedger.fromJson("out/ledger/briefs.json", "{ not json"))
        .hasMessageContaining("out/ledger/briefs.json").hasMessageContaining("delete it");
    // an entry cut short or edited by hand: the same error, not a null pointer later
    String withoutSha = BriefLedger.EMPTY.recording(List.of(entry("weekly-watch", "s2", "w1.pdf"))).toJson()
        .replace("\"sha-w1.pdf\"", "null");
    assertThatThrownBy(() -> BriefLedger.fromJson("out/ledger/briefs.json", withoutSha))
        .hasMessageContaining("out/ledger/briefs.json").hasMessageContaining("delete it");
    assertThatThrownBy(() -> BriefLedger.fromJson("out/ledger/briefs.json", "{\"briefs\": [{\"sources\": \"s\"}]}"))
        .hasMessageContaining("lacks its brief");
  }
}
