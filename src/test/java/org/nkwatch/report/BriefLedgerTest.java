package org.nkwatch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BriefLedgerTest {
  private static BriefLedger.Entry entry(String brief, String sources, String pdf) {
    return new BriefLedger.Entry(brief, sources, pdf, "sha-" + pdf, 1234, List.of(pdf + "_chart.png"), "run-" + pdf);
  }

  @Test
  void aBriefIsFoundOnlyAsLastRenderedAndFromTheSameSources() {
    BriefLedger ledger = BriefLedger.EMPTY
        .recording(List.of(entry("monthly-brief", "s1", "m1.pdf"), entry("weekly-watch", "s2", "w1.pdf")))
        .recording(List.of(entry("monthly-brief", "s3", "m2.pdf")));
    assertThat(ledger.renderedFrom("monthly-brief", "s3")).map(BriefLedger.Entry::pdf).contains("m2.pdf");
    assertThat(ledger.renderedFrom("monthly-brief", "s1")).as("no longer the last rendering").isEmpty();
    assertThat(ledger.renderedFrom("weekly-watch", "s2")).map(BriefLedger.Entry::pdf).contains("w1.pdf");
    assertThat(ledger.renderedFrom("weekly-watch", null)).as("sources not known").isEmpty();
    assertThat(ledger.renderedFrom("other", "s2")).isEmpty();
  }

  @Test
  void itRoundTripsThroughJson() {
    BriefLedger ledger = BriefLedger.EMPTY.recording(List.of(entry("weekly-watch", "s2", "w1.pdf"),
        entry("monthly-brief", "s1", "m1.pdf")));
    BriefLedger back = BriefLedger.fromJson("test", ledger.toJson());
    assertThat(back.entries()).isEqualTo(ledger.entries());
    assertThat(back.entries()).extracting(BriefLedger.Entry::brief).containsExactly("monthly-brief", "weekly-watch");
    assertThat(BriefLedger.fromJson("test", "{}").entries()).isEmpty();
  }

  @Test
  void aBrokenLedgerIsAnErrorNamingItsFile() {
    assertThatThrownBy(() -> BriefLedger.fromJson("out/ledger/briefs.json", "{ not json"))
        .hasMessageContaining("out/ledger/briefs.json").hasMessageContaining("delete it");
  }
}
