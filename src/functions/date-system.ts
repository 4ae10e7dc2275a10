/**
 * The workbook's date system, read once when the add-in starts in Excel, so that the KC functions read a date cell
 * (which reaches them as a bare serial) in the workbook's system: 2026-03-31 is 46112 in the 1900 system and 44650 in
 * the 1904 system.
 *
 * Microsoft documents `Workbook.use1904DateSystem` as a preview API only (ExcelApi BETA, "Excel JavaScript preview
 * APIs"), which released Excel does not offer. So the workbook is asked the released way: its DATE(1904,1,1), through
 * `Workbook.functions` (ExcelApi 1.2), is 0 in the 1904 system and 1462 in the 1900 system. Nothing is written.
 * Where the answer cannot be had (no ExcelApi 1.2, a failed sync), the engine stays on 1900 and a date serial that is
 * a quarter end only in the 1904 system gets a message that says the workbook may use it.
 */
import type { DateSystem, Engine } from "../core";

/** What reads dates in a date system: an engine, or the functions runtime (every engine it will use). */
export type DateReader = Pick<Engine, "dateSystem" | "useDateSystem">;

/** What reading the date system needs of Excel: a batch with a request context (Excel.run), and the requirement sets. */
export interface DateSystemHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(name: string, version: string): boolean;
}

/** DATE(1904,1,1) as each date system counts it. */
const PROBE = { year: 1904, month: 1, day: 1, serial1900: 1462, serial1904: 0 } as const;

/**
 * The workbook's date system, or null when Excel cannot say. When it is 1904 the engine switches and Excel
 * recalculates: KC cells computed before the answer came back read their date cells again.
 */
export async function learnDateSystem(engine: DateReader, host: DateSystemHost): Promise<DateSystem | null> {
  if (!host.isSetSupported("ExcelApi", "1.2")) return null;
  try {
    return await host.run(async (context) => {
      const probe = context.workbook.functions.date(PROBE.year, PROBE.month, PROBE.day);
      probe.load("value");
      await context.sync();
      const system: DateSystem | null = probe.value === PROBE.serial1904 ? 1904 : probe.value === PROBE.serial1900 ? 1900 : null;
      if (system !== null && system !== engine.dateSystem) {
        engine.useDateSystem(system);
        context.workbook.application.calculate("Full");
        await context.sync();
      }
      return system;
    });
  } catch {
    return null;
  }
}
