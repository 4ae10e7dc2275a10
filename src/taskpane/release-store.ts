/**
 * Where a workbook keeps the releases added to it: one custom XML part per release (ExcelApi 1.5), in KC's own
 * namespace, holding the release's source exactly as it was read (base64 of its UTF-8, so any character, the HTML
 * exhibit's markup included, survives), its file name and quarter. The parts travel inside the .xlsx, so a colleague
 * who opens the workbook with the add-in gets the same releases; nothing is sent anywhere.
 *
 * Why custom XML parts and not document settings (Office.context.document.settings): settings are one JSON property
 * bag per add-in, capped at 2 MB in all (Microsoft's answer in office-js#621; office-js#3957 reports failures near
 * 1 MB), rewritten whole on every saveAsync, and outside Excel.run's batches. A part per release is added or deleted on
 * its own, inside an Excel.run, and has no documented size cap; each stays under Excel on the web's 5 MB request limit
 * because a release is at most 2 MB (2.7 MB as base64) and is read in a batch of its own. KC's own limits on what a
 * workbook holds are core/limits.ts's MAX_STORED_RELEASES and MAX_STORED_BYTES.
 */
import { escapeXml, unescapeXml } from "../core";

/** A release as a workbook stores it. */
export interface StoredRelease {
  /** The store's id for it (the custom XML part's), null before it is stored. */
  id: string | null;
  /** The file it was read from ("kc-2026q2-ex99-1.htm"), or "pasted text". */
  name: string;
  /** Its quarter ("2026Q2"), to list it without reading it again. */
  quarter: string;
  /** The source, as read. */
  text: string;
}

/** A workbook's releases: listed, added, removed. */
export interface ReleaseStore {
  list(): Promise<StoredRelease[]>;
  /** Stores the release; resolves with its id. */
  add(release: StoredRelease): Promise<string>;
  remove(id: string): Promise<void>;
}

export const RELEASES_NAMESPACE = "urn:kc-for-excel:release:1";

/** Releases kept in memory: the preview page's workbook, and tests. */
export class MemoryReleaseStore implements ReleaseStore {
  private readonly releases = new Map<string, StoredRelease>();
  private next = 1;

  async list(): Promise<StoredRelease[]> {
    return [...this.releases.values()].map((r) => ({ ...r }));
  }

  async add(release: StoredRelease): Promise<string> {
    const id = `release-${this.next++}`;
    this.releases.set(id, { ...release, id });
    return id;
  }

  async remove(id: string): Promise<void> {
    this.releases.delete(id);
  }
}

/** The workbook's custom XML parts in KC's namespace, through Office.js (one Excel.run per step). */
export class OfficeReleaseStore implements ReleaseStore {
  async list(): Promise<StoredRelease[]> {
    const ids = await Excel.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(RELEASES_NAMESPACE);
      parts.load("items/id");
      await context.sync();
      return parts.items.map((p) => p.id);
    });
    const releases: StoredRelease[] = [];
    // One batch per part: a release may take up to 2.7 MB, and Excel on the web answers at most 5 MB per request.
    for (const id of ids) releases.push(await this.read(id));
    return releases;
  }

  private read(id: string): Promise<StoredRelease> {
    return Excel.run(async (context) => {
      const xml = context.workbook.customXmlParts.getItem(id).getXml();
      await context.sync();
      // A ClientResult has no load(): sync sets its value.
      // eslint-disable-next-line office-addins/load-object-before-read
      return { ...parseReleaseXml(xml.value), id };
    });
  }

  add(release: StoredRelease): Promise<string> {
    return Excel.run(async (context) => {
      const part = context.workbook.customXmlParts.add(releaseXml(release));
      part.load("id");
      await context.sync();
      return part.id;
    });
  }

  remove(id: string): Promise<void> {
    return Excel.run(async (context) => {
      context.workbook.customXmlParts.getItem(id).delete();
      await context.sync();
    });
  }
}

/**
 * The Office host of the release library: the workbook's custom XML parts; a full calculation (every formula, KC's
 * custom functions included, computed again with the new engine); and, while the workbook stores releases, the add-in
 * set to load with the workbook (Office.addin.setStartupBehavior, SharedRuntime 1.1) so that on a colleague's machine
 * the stored releases are read, and the workbook recalculated, as it opens.
 */
export function officeReleaseHost(): { store: ReleaseStore; recalculate(): Promise<void>; holding(count: number): Promise<void> } {
  return {
    store: new OfficeReleaseStore(),
    recalculate: () =>
      Excel.run(async (context) => {
        context.workbook.application.calculate(Excel.CalculationType.full);
        await context.sync();
      }),
    holding: async (count) => {
      await Office.addin.setStartupBehavior(count > 0 ? Office.StartupBehavior.load : Office.StartupBehavior.none);
    },
  };
}


/** A release as its custom XML part. */
export function releaseXml(release: StoredRelease): string {
  return `<release xmlns="${RELEASES_NAMESPACE}" name="${escapeXml(release.name)}" quarter="${escapeXml(release.quarter)}" encoding="base64">${toBase64(release.text)}</release>`;
}

/** A release from its custom XML part, as Excel gives it back (with or without an XML declaration, any attribute order). */
export function parseReleaseXml(xml: string): Omit<StoredRelease, "id"> {
  const m = /<(?:\w+:)?release\b([^>]*)>([^<]*)<\/(?:\w+:)?release>/.exec(xml);
  if (!m) throw new Error("not a KC release part");
  const attributes = new Map([...m[1].matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map((a) => [a[1], unescapeXml(a[2])]));
  return { name: attributes.get("name") ?? "", quarter: attributes.get("quarter") ?? "", text: fromBase64(m[2].replace(/\s+/g, "")) };
}

/** UTF-8 bytes as base64, in chunks (a string of 2 MB as one argument list would overflow the stack). */
export function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(base64: string): string {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(bytes);
}
