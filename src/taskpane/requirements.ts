/**
 * The Office requirement sets the add-in uses beyond what the manifest requires to load at all (SharedRuntime 1.1),
 * which Excel versions have them (Microsoft's "Excel JavaScript API requirement sets", "Custom Functions requirement
 * sets" and "Shared runtime requirement sets" pages: the first version of each), and which task pane feature needs
 * which. The task pane asks the host once (Office.context.requirements.isSetSupported) and disables a feature, saying
 * why, before the user can start it: nothing fails half-way for want of an API.
 */
import { WORKBOOK_MESSAGES } from "../core";

export interface RequirementHost {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** Where a requirement set is available: its first version on each platform, as Microsoft documents it. */
export interface SetAvailability {
  name: string;
  version: string;
  web: string;
  windows: string;
  /** Perpetual (volume-licensed) Office on Windows. */
  perpetual: string;
  mac: string;
}

export const REQUIREMENT_SETS = {
  sharedRuntime: { name: "SharedRuntime", version: "1.1", web: "yes", windows: "Version 2002 (Build 12527.20092)", perpetual: "Excel 2021", mac: "16.35" },
  customFunctionErrors: { name: "CustomFunctionsRuntime", version: "1.2", web: "yes", windows: "Version 1909 (Build 11929.20934)", perpetual: "Office 2021", mac: "16.34" },
  customXmlParts: { name: "ExcelApi", version: "1.5", web: "yes", windows: "Version 1703 (Build 8067.2070)", perpetual: "Office 2019", mac: "15.36" },
  activeCell: { name: "ExcelApi", version: "1.7", web: "yes", windows: "Version 1801 (Build 9001.2171)", perpetual: "Office 2019", mac: "16.9" },
  charts: { name: "ExcelApi", version: "1.8", web: "yes", windows: "Version 1808 (Build 10730.20102)", perpetual: "Office 2021", mac: "16.17" },
  spills: { name: "ExcelApi", version: "1.12", web: "yes", windows: "Version 2008 (Build 13127.20408)", perpetual: "Office 2021", mac: "16.40" },
} as const satisfies Record<string, SetAvailability>;

export type RequirementKey = keyof typeof REQUIREMENT_SETS;

/** What the task pane offers that needs more than the manifest's SharedRuntime 1.1, and the set each needs. */
export const FEATURES = {
  insert: { label: "Inserting at the active cell", needs: "activeCell", why: "Workbook.getActiveCell" },
  buildModel: { label: "Build model", needs: "charts", why: "a combo chart with a secondary percent axis (ChartSeries.axisGroup, ChartAxis.numberFormat), frozen panes" },
  freeze: { label: "Freeze to values", needs: "spills", why: "telling a spilled table from plain values (Range.getSpillingToRangeOrNullObject), so that a whole spill is frozen and an undo lets it spill again" },
  releases: { label: "Adding releases to the workbook", needs: "customXmlParts", why: "custom XML parts (Workbook.customXmlParts), where the workbook keeps the releases added to it" },
  functionMessages: { label: "Messages on KC errors", needs: "customFunctionErrors", why: "CustomFunctions.Error: #VALUE! and #N/A with a message that says what to type instead" },
} as const satisfies Record<string, { label: string; needs: RequirementKey; why: string }>;

export type Feature = keyof typeof FEATURES;

/** "ExcelApi 1.12". */
export const setName = (key: RequirementKey): string => `${REQUIREMENT_SETS[key].name} ${REQUIREMENT_SETS[key].version}`;

/** Which Excel versions have a set, in a sentence: "Excel on the web, Microsoft 365 on Windows from Version 2008 ...". */
export function hostsWith(key: RequirementKey): string {
  const s: SetAvailability = REQUIREMENT_SETS[key];
  return `Excel on the web, Excel on Windows from ${s.windows} and ${s.perpetual}, and Excel for Mac from ${s.mac}`;
}

/** The features this host cannot run, each with the message the task pane shows instead of starting it. */
export function unavailableFeatures(host: RequirementHost | null): Map<Feature, string> {
  const missing = new Map<Feature, string>();
  if (!host) return missing;
  for (const [feature, spec] of Object.entries(FEATURES) as Array<[Feature, (typeof FEATURES)[Feature]]>) {
    const set = REQUIREMENT_SETS[spec.needs];
    if (host.isSetSupported(set.name, set.version)) continue;
    missing.set(
      feature,
      feature === "functionMessages" ? WORKBOOK_MESSAGES.functionsWithoutMessages(setName(spec.needs), hostsWith(spec.needs)) : WORKBOOK_MESSAGES.needsRequirementSet(spec.label, setName(spec.needs), hostsWith(spec.needs)),
    );
  }
  return missing;
}

/** Office's own answer (Office.context.requirements), or null outside Office, where nothing is checked. */
export function officeRequirements(): RequirementHost | null {
  try {
    const requirements = (Office.context as { requirements?: RequirementHost } | undefined)?.requirements;
    return requirements && typeof requirements.isSetSupported === "function" ? requirements : null;
  } catch {
    return null;
  }
}
