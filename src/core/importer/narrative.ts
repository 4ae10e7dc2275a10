import type { Currency, NarrativeFigure, NarrativeUnit } from "../dataset";
import { D } from "../decimal";
import { importError } from "../messages";
import { PeriodKey, comparePeriods, formatPeriod, parseMonthDayYear, quarterEndingOn, shiftPeriod } from "../periods";
import type { DocBlock } from "./document";

/**
 * Figures that only the release's prose states. Each pattern reads one kind of sentence; periods come from the
 * sentence itself ("this quarter" is the release's quarter, "the same quarter of 2025" the one a year before) and
 * amounts keep the precision they are written with.
 */

interface Context {
  current: PeriodKey;
  line: number;
  text: string;
}

type Reader = (m: RegExpExecArray, ctx: Context) => NarrativeFigure[];

const AMOUNT = String.raw`RMB\s?([\d,]+(?:\.\d+)?)\s(million|billion)`;
const USD_AMOUNT = String.raw`\(US\$\s?([\d,]+(?:\.\d+)?)\s(million|billion)\)`;
const CHANGE = String.raw`(?:increased|decreased)`;

const SENTENCES: ReadonlyArray<{ name: string; pattern: RegExp; read: Reader }> = [
  {
    name: "IDC costs",
    pattern: new RegExp(String.raw`IDC costs ${CHANGE} by [\d.]+% year-over-year from ${AMOUNT} to ${AMOUNT} ${USD_AMOUNT}`),
    read: (m, ctx) => [
      amount("IDCCosts", yearAgo(ctx), "RMB", m[1], m[2], ctx),
      amount("IDCCosts", ctx.current, "RMB", m[3], m[4], ctx),
      amount("IDCCosts", ctx.current, "USD", m[5], m[6], ctx),
    ],
  },
  {
    name: "depreciation and amortization costs",
    pattern: new RegExp(
      String.raw`Depreciation and amortization costs ${CHANGE} from ${AMOUNT} in the same quarter of (\d{4}) to ${AMOUNT} ${USD_AMOUNT}`,
    ),
    read: (m, ctx) => [
      amount("DepreciationAndAmortizationCosts", sameQuarterOf(m[3], ctx), "RMB", m[1], m[2], ctx),
      amount("DepreciationAndAmortizationCosts", ctx.current, "RMB", m[4], m[5], ctx),
      amount("DepreciationAndAmortizationCosts", ctx.current, "USD", m[6], m[7], ctx),
    ],
  },
  {
    name: "solution development and services costs",
    pattern: new RegExp(
      String.raw`Solution development and services costs ${CHANGE} by [\d.]+% year-over-year from ${AMOUNT} in the same quarter of (\d{4}) to ${AMOUNT} ${USD_AMOUNT}`,
    ),
    read: (m, ctx) => [
      amount("SolutionDevelopmentAndServicesCosts", sameQuarterOf(m[3], ctx), "RMB", m[1], m[2], ctx),
      amount("SolutionDevelopmentAndServicesCosts", ctx.current, "RMB", m[4], m[5], ctx),
      amount("SolutionDevelopmentAndServicesCosts", ctx.current, "USD", m[6], m[7], ctx),
    ],
  },
  {
    name: "fulfillment costs and other costs",
    pattern: new RegExp(String.raw`Fulfillment costs and other costs were ${AMOUNT} ${USD_AMOUNT} and ${AMOUNT} ${USD_AMOUNT}`),
    read: (m, ctx) => [
      amount("FulfillmentCosts", ctx.current, "RMB", m[1], m[2], ctx),
      amount("FulfillmentCosts", ctx.current, "USD", m[3], m[4], ctx),
      amount("OtherCosts", ctx.current, "RMB", m[5], m[6], ctx),
      amount("OtherCosts", ctx.current, "USD", m[7], m[8], ctx),
    ],
  },
  {
    name: "AI business gross billing growth",
    pattern: /gross billing of AI business grew (\d+(?:\.\d+)?)% year-over-year/,
    read: (m, ctx) => [figure("AIGrossBillingGrowth", ctx.current, null, "ratio", percent(m[1]), `${m[1]}%`, step(m[1], -2), false, ctx)],
  },
  {
    name: "outstanding ordinary shares",
    pattern: /Outstanding ordinary shares were ([\d,]+) as of ([A-Za-z]+ \d{1,2}, \d{4}), equivalent to (about )?([\d,]+) ADSs/,
    read: (m, ctx) => {
      const period = instantOf(m[2], ctx);
      return [
        figure("OutstandingOrdinaryShares", period, null, "shares", digits(m[1]), m[1], "1", false, ctx),
        figure("OutstandingADSs", period, null, "shares", digits(m[4]), `${m[3] ?? ""}${m[4]}`, "1", Boolean(m[3]), ctx),
      ];
    },
  },
  {
    name: "RMB/US$ convenience rate",
    pattern: /at (?:a rate of )?RMB(\d+\.\d+) to US\$1\.00/,
    read: (m, ctx) => [figure("ExchangeRateRMBPerUSD", ctx.current, null, "rate", m[1], `RMB${m[1]} to US$1.00`, step(m[1], 0), false, ctx)],
  },
  {
    name: "capital expenditures and leased assets",
    pattern: new RegExp(String.raw`capital expenditures and leased assets obtained in combination amounted to ${AMOUNT} in Q([1-4])`),
    read: (m, ctx) => {
      const { year } = splitCurrent(ctx.current);
      const period = formatPeriod(year, Number(m[3]));
      return [amount("CapitalExpendituresAndLeasedAssets", period, "RMB", m[1], m[2], ctx, true)];
    },
  },
];

/** Reads every known sentence in the prose. A sentence stated twice must agree; a missing one becomes a warning. */
export function readNarrative(blocks: readonly DocBlock[], current: PeriodKey): { figures: NarrativeFigure[]; warnings: string[] } {
  const found = new Map<string, NarrativeFigure>();
  const seen = new Set<string>();
  for (const block of blocks) {
    if (block.kind !== "paragraph") continue;
    const { text, line } = block;
    for (const sentence of SENTENCES) {
      const m = sentence.pattern.exec(text);
      if (!m) continue;
      seen.add(sentence.name);
      for (const figure of sentence.read(m, { current, line, text })) {
        if (comparePeriods(figure.period, current) > 0) {
          throw importError(figure.line, "proseAfterQuarter", figure.id, figure.text, figure.period, current);
        }
        const key = `${figure.id}|${figure.period}|${figure.currency ?? ""}`;
        const earlier = found.get(key);
        if (earlier && !D(earlier.value).eq(figure.value)) {
          throw importError(figure.line, "proseStatedTwice", figure.id, figure.text, earlier.text, earlier.line);
        }
        if (!earlier) found.set(key, figure);
      }
    }
  }
  const warnings = SENTENCES.filter((s) => !seen.has(s.name)).map((s) => `no sentence states the ${s.name}`);
  return { figures: [...found.values()], warnings };
}

function figure(
  id: string,
  period: PeriodKey,
  currency: Currency | null,
  unit: NarrativeUnit,
  value: string,
  text: string,
  precision: string,
  approximate: boolean,
  ctx: Context,
): NarrativeFigure {
  return { id, period, currency, unit, value, text, precision, approximate, line: ctx.line };
}

/** "911.1", "million" -> 911100 (thousands), stated to the nearest 100 thousand. */
function amount(id: string, period: PeriodKey, currency: Currency, num: string, scale: string, ctx: Context, approximate = false): NarrativeFigure {
  const thousands = scale === "billion" ? 6 : 3;
  const plain = digits(num);
  const value = D(plain).times(D(10).pow(thousands)).toFixed();
  const text = `${currency === "USD" ? "US$" : "RMB"}${num} ${scale}`;
  return figure(id, period, currency, "amount", value, text, step(plain, thousands), approximate, ctx);
}

/** The smallest step a written number states, scaled by 10^shift: "911.1" at 3 is "100". */
function step(num: string, shift: number): string {
  const decimals = num.includes(".") ? num.split(".")[1].length : 0;
  return D(10).pow(shift - decimals).toFixed();
}

const digits = (num: string): string => num.replace(/,/g, "");
const percent = (num: string): string => D(num).div(100).toFixed();
const splitCurrent = (key: PeriodKey) => ({ year: Number(key.slice(0, 4)), quarter: Number(key.slice(5)) });
const yearAgo = (ctx: Context): PeriodKey => shiftPeriod(ctx.current, -4);

function sameQuarterOf(year: string, ctx: Context): PeriodKey {
  const period = formatPeriod(Number(year), splitCurrent(ctx.current).quarter);
  if (period !== yearAgo(ctx)) throw importError(ctx.line, "proseNotYearBefore", year, ctx.current);
  return period;
}

function instantOf(dateText: string, ctx: Context): PeriodKey {
  const date = parseMonthDayYear(dateText);
  const period = date && quarterEndingOn(date.year, date.month, date.day);
  if (!period) throw importError(ctx.line, "proseNotQuarterEnd", dateText);
  return period;
}
