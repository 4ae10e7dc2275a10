/**
 * Defects the fuzzers found, each pinned by the smallest input that showed it (see functions.fuzz.test.ts and
 * importer.fuzz.test.ts for the properties).
 */
import { runChecks } from "../../src/core/checks";
import { ImportError } from "../../src/core/messages";
import { excel } from "../helpers/engine";
import { importFiling } from "../../src/core/importer";
import { Model } from "../../src/core/model";
import { FILING, withLine, withoutLines } from "../core/filing-variants";
import { caught } from "../helpers/caught";

describe("option names that are also Object.prototype's property names", () => {
  // Found by fuzzing: the option tables were plain objects, so "constructor" and "__proto__" found Object's own
  // properties: a scale crashed the core (the adapter's generic #VALUE!), a currency gave #N/A with a message about
  // missing figures, and KC.REPORTED returned the printed ratio.
  test.each(["constructor", "__proto__"])("currency '%s' is #VALUE!, naming the currencies", (name) => {
    for (const call of [() => excel.metric("TotalRevenues", "2026Q1", name), () => excel.reported("GrossMargin", "2026Q1", name), () => excel.series("TotalRevenues", name)]) {
      const error = caught(call);
      expect(error.kind).toBe("invalidValue");
      expect(error.message).toMatch(/^Currency '.*' is not available\. Type "RMB"/);
    }
  });

  test.each(["constructor", "__proto__"])("scale '%s' is #VALUE!, naming the scales", (name) => {
    for (const call of [() => excel.metric("TotalRevenues", "2026Q1", null, name), () => excel.series("TotalRevenues", null, name), () => excel.statement("IS", null, null, name)]) {
      const error = caught(call);
      expect(error.kind).toBe("invalidValue");
      expect(error.message).toMatch(/^Scale '.*' is not valid\. Type "thousands"/);
    }
  });
});

describe("a garbled date moves figures to another quarter: the importer refuses, naming the line", () => {
  // Found by fuzzing the importer: each of these imported without a word. A balance sheet dated Dec 31, 2026 made
  // 2026Q4 the release's quarter, so every prose figure moved to it too; a statement column dated a year early moved
  // a quarter's figures where no tie-out reaches; a prose date in a later quarter moved that figure there.
  const lineOf = (text: string): number => {
    try {
      importFiling(text);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
      return (error as ImportError).line;
    }
    throw new Error("imported without an error");
  };

  test.each([
    ["the balance sheet's Dec 31, 2025 column dated 2026", 176, (l: string) => l.replace("Dec 31, 2025", "Dec 31, 2026"), 176, /Balance|BALANCE/],
    ["the income statement's Mar 31, 2025 column dated 2024", 229, (l: string) => l.replace("Mar 31, 2025 RMB", "Mar 31, 2024 RMB"), 228, /2024Q1/],
    ["the cash flow statement's Mar 31, 2026 columns dated 2027", 347, (l: string) => l.replace(/Mar 31, 2026/g, "Mar 31, 2027"), 346, /2027Q1/],
    ["the capital expenditures sentence in Q2", 77, (l: string) => l.replace("in Q1", "in Q2"), 77, /2026Q2.*after.*2026Q1/],
    ["the outstanding shares as of March 31, 2027", 119, (l: string) => l.replace("March 31, 2026", "March 31, 2027"), 119, /2027Q1.*after.*2026Q1/],
  ])("%s", (_, line, edit, expectedLine, message) => {
    const text = withLine(line, edit);
    expect(lineOf(text)).toBe(expectedLine);
    expect(() => importFiling(text)).toThrow(message);
  });
});

describe("a release the model cannot be built from fails with an ImportError naming a line, not a crash", () => {
  // Found by fuzzing the importer: with both sentences that state the convenience rate deleted, new Model threw a
  // plain Error with no line. The importer builds the model (to run the tie-outs), so the import itself refuses.
  test("no RMB/US$ convenience rate anywhere", () => {
    const text = withoutLines(87, 87, withoutLines(147, 147));
    let error: unknown;
    try {
      importFiling(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(text.split("\n").length);
    expect((error as ImportError).message).toMatch(/^line \d+: the release states no RMB\/US\$ convenience rate/);
  });
});

describe("a rounded figure garbled into a coarser rounding fails its tie-out", () => {
  // Found by fuzzing the importer: "(0.04)" garbled to "(0.0)", or "-2.2%" truncated to "-" (printed zero), still
  // tied, because each was checked to the decimals it was printed with. The catalog says how the release prints the
  // metric (per share to 2 decimals, margins to 0.1%): that is the precision it must tie to.
  const untied = { allowUntied: true };
  const failing = (text: string, id: string, period: string, currency: string | null = "RMB") =>
    runChecks(new Model(importFiling(text, "filing", untied))).filter(
      (c) => c.identity.startsWith(`${id} `) && c.period === period && (c.currency ?? null) === currency && c.status === "FAIL",
    );

  test("net loss per share (0.04) printed as (0.0)", () => {
    expect(failing(withLine(253, (l) => l.replace("(0.04)", "(0.0)")), "NetLossPerShare", "2025Q4").filter((c) => c.identity.includes(" = NetLoss"))).toHaveLength(1);
  });

  test("an operating margin of -2.2% printed as -", () => {
    expect(failing(withLine(337, (l) => l.replace(/-2\.2%$/, "-")), "AdjustedOperatingLossMargin", "2026Q1", null)).toHaveLength(1);
  });

  test("importer fuzz seed 1451813297: the US$ loss per share (0.01) on line 253 printed as (0.0)", () => {
    // Every check said ok: the formula check and the translation check took the rounding from the garbled figure
    // itself (one decimal). Printed to 2 decimals as the catalog says, -343,720 / 4,555,310,453 / 6.8980 is (0.01).
    const text = withLine(253, (l) => l.replace(/\(0\.01\)$/, "(0.0)"));
    expect(text.split("\n")[252]).toMatch(/\t\(0\.0\)$/);
    const checks = failing(text, "NetLossPerShare", "2026Q1", "USD");
    expect(checks.map((c) => c.identity.replace(/ = .*/, " = ..."))).toEqual(["NetLossPerShare = ...", "NetLossPerShare printed in the release's number format"]);
    expect(checks.map((c) => [c.printed.toFixed(), c.line])).toEqual([["0", 253], ["0", 253]]);
    expect(checks[0].recomputed.toDecimalPlaces(2).toFixed()).toBe("-0.01");
    // Against RMB (0.08) / 6.8980 = (0.0116): one cent off, which the US$ column's own footing may explain, so noted.
    const translation = runChecks(new Model(importFiling(text, "filing", untied))).find((c) => c.identity.startsWith("NetLossPerShare (US$)") && c.period === "2026Q1")!;
    expect(translation.status).toBe("noted");
    // And the import refuses it, naming the line.
    expect(() => importFiling(text)).toThrow(/^line 253: /);
  });

  test("the filing as printed still ties", () => {
    expect(runChecks(new Model(importFiling(FILING))).filter((c) => c.status === "FAIL")).toEqual([]);
  });
});

describe("two columns of a header swapped: the importer refuses, naming the header line", () => {
  // Found by fuzzing the importer: the cash flow statement's Mar 31, 2025 and Dec 31, 2025 headings swapped moved
  // each quarter's figures to the other; the 2025Q4 cash identities failed, but nothing reaches 2025Q1. Statements
  // print their quarters in time order (or in reverse): a header out of order is refused.
  test.each([
    ["the cash flow statement", 347, 346],
    ["the income statement", 229, 228],
  ])("%s", (_, line, headerLine) => {
    const text = withLine(line, (l) => {
      const cells = l.split("\t");
      [cells[1], cells[2]] = [cells[2], cells[1]];
      return cells.join("\t");
    });
    let error: unknown;
    try {
      importFiling(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(headerLine);
    expect((error as ImportError).message).toMatch(/not in time order/);
  });

  test("the balance sheet's two dates swapped", () => {
    const text = withLine(176, (l) => l.replace("Dec 31, 2025\tMar 31, 2026", "Mar 31, 2026\tDec 31, 2025"));
    expect(() => importFiling(text)).toThrow(/^line 176: .*not in time order/);
  });
});

describe("a currency heading lost from one column: the importer refuses, naming the header line", () => {
  // Found by fuzzing the importer: the reconciliation's "US$" heading truncated away left that column without a
  // currency, beside three RMB columns; its figures were filed under no currency and every US$ figure of the table
  // disappeared without a word.
  test("the adjusted net loss reconciliation's US$ heading", () => {
    const text = withLine(294, (l) => l.slice(0, l.lastIndexOf("\t")));
    expect(() => importFiling(text)).toThrow(ImportError);
    expect(() => importFiling(text)).toThrow(/^line 292: column 'Three Months Ended Mar 31, 2026' has no currency heading/);
  });
});
