/**
 * Defects the fuzzers found, each pinned by the smallest input that showed it (see functions.fuzz.test.ts and
 * importer.fuzz.test.ts for the properties).
 */
import * as api from "../../src/core/api";
import { caught } from "../helpers/caught";

describe("option names that are also Object.prototype's property names", () => {
  // Found by fuzzing: the option tables were plain objects, so "constructor" and "__proto__" found Object's own
  // properties: a scale crashed the core (the adapter's generic #VALUE!), a currency gave #N/A with a message about
  // missing figures, and KC.REPORTED returned the printed ratio.
  test.each(["constructor", "__proto__"])("currency '%s' is #VALUE!, naming the currencies", (name) => {
    for (const call of [() => api.metricValue("TotalRevenues", "2026Q1", name), () => api.reportedValue("GrossMargin", "2026Q1", name), () => api.seriesTable("TotalRevenues", name)]) {
      const error = caught(call);
      expect(error.kind).toBe("invalidValue");
      expect(error.message).toMatch(/^Currency '.*' is not available\. Type "RMB"/);
    }
  });

  test.each(["constructor", "__proto__"])("scale '%s' is #VALUE!, naming the scales", (name) => {
    for (const call of [() => api.metricValue("TotalRevenues", "2026Q1", null, name), () => api.seriesTable("TotalRevenues", null, name), () => api.statementTable("IS", null, null, name)]) {
      const error = caught(call);
      expect(error.kind).toBe("invalidValue");
      expect(error.message).toMatch(/^Scale '.*' is not valid\. Type "thousands"/);
    }
  });
});
