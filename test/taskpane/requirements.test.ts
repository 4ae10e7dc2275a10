/**
 * Requirement sets: what the task pane asks Office.context.requirements (office-addin-mock stands in for Office), which
 * features it disables on an Excel that lacks a set and what it says instead, and the README's table of sets and the
 * Excel versions that have them (from Microsoft's requirement-set pages) matching the code's.
 */
import * as fs from "fs";
import * as path from "path";
import { OfficeMockObject } from "office-addin-mock";
import { FEATURES, REQUIREMENT_SETS, officeRequirements, setName, unavailableFeatures } from "../../src/taskpane/requirements";

/** An Excel with ExcelApi up to `excelApi` and CustomFunctionsRuntime up to `functions`, as Office.context.requirements answers. */
function office(excelApi: string, functions = "1.3") {
  const asked: string[] = [];
  const newer = (version: string | undefined, max: string) => Number((version ?? "1.1").split(".")[1]) > Number(max.split(".")[1]);
  const mock = new OfficeMockObject({
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          asked.push(`${name} ${version}`);
          if (name === "ExcelApi") return !newer(version, excelApi);
          if (name === "CustomFunctionsRuntime") return !newer(version, functions);
          return true;
        },
      },
    },
  });
  (globalThis as { Office?: unknown }).Office = mock;
  return asked;
}

afterEach(() => delete (globalThis as { Office?: unknown }).Office);

test("an Excel with every set: nothing is disabled, and each set is asked once", () => {
  const asked = office("1.20");
  expect([...unavailableFeatures(officeRequirements()).keys()]).toEqual([]);
  expect(asked.sort()).toEqual(["CustomFunctionsRuntime 1.2", "ExcelApi 1.12", "ExcelApi 1.5", "ExcelApi 1.7", "ExcelApi 1.8"]);
});

test("Excel with ExcelApi 1.4 (Excel 2016 as first shipped): adding releases to the workbook is disabled, saying why", () => {
  office("1.4");
  const missing = unavailableFeatures(officeRequirements());
  expect(missing.get("releases")).toBe(
    "Adding releases to the workbook needs the Excel API ExcelApi 1.5, which this version of Excel lacks (Excel on the web, Excel on Windows from Version 1703 (Build 8067.2070) and Office 2019, and Excel for Mac from 15.36 have it). Update Excel to use it; the rest of KC works here.",
  );
});

test("Excel with ExcelApi 1.11 (Microsoft 365 Version 2002 to 2007): Freeze is disabled, saying which set and which versions have it", () => {
  office("1.11");
  const missing = unavailableFeatures(officeRequirements());
  expect([...missing.keys()]).toEqual(["freeze"]);
  expect(missing.get("freeze")).toBe(
    "Freeze to values needs the Excel API ExcelApi 1.12, which this version of Excel lacks (Excel on the web, Excel on Windows from Version 2008 (Build 13127.20408) and Office 2021, and Excel for Mac from 16.40 have it). Update Excel to use it; the rest of KC works here.",
  );
});

test("ExcelApi 1.7: Build model and Freeze are disabled; inserting works", () => {
  office("1.7");
  expect([...unavailableFeatures(officeRequirements()).keys()]).toEqual(["buildModel", "freeze"]);
});

test("without CustomFunctionsRuntime 1.2 the task pane says KC errors come without their message", () => {
  office("1.20", "1.1");
  expect(unavailableFeatures(officeRequirements()).get("functionMessages")).toMatch(/^This version of Excel lacks CustomFunctionsRuntime 1\.2: a KC function that cannot compute shows #VALUE! without saying why/);
});

test("outside Office nothing is checked", () => {
  expect(officeRequirements()).toBeNull();
  expect(unavailableFeatures(null).size).toBe(0);
});

test("the README lists every set the code checks (and the manifest's SharedRuntime 1.1) with the versions that have it", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("<!-- section: taskpane -->"), readme.indexOf("<!-- /section: taskpane -->"));
  for (const [key, set] of Object.entries(REQUIREMENT_SETS)) {
    const row = section.split("\n").find((line) => line.startsWith(`| ${setName(key as keyof typeof REQUIREMENT_SETS)} `));
    expect(row).toBeDefined();
    for (const version of [set.windows, set.perpetual, set.mac]) expect(row).toContain(version);
  }
  for (const feature of Object.values(FEATURES)) expect(section).toContain(feature.label);
});
