/**
 * A workbook's custom XML parts and its calculation, on office-addin-mock, for the release store: a part added gets
 * an id that reads only after load("id") and sync; a part's getXml() value reads only after sync; a scoped collection's
 * items only after load and sync. What the code asked of Excel is logged in order; Office.addin.setStartupBehavior too.
 */
import { OfficeMockObject } from "office-addin-mock";

export interface XmlPart {
  id: string;
  xml: string;
}

const NOT_SYNCED = "Error, property was not synced";

export function mockCustomXml(initial: XmlPart[] = []) {
  const parts: XmlPart[] = initial.map((p) => ({ ...p }));
  const log: string[] = [];
  let next = 1;
  let runs = 0;
  const root = new OfficeMockObject({ context: { workbook: { store: {} } } }) as OfficeMockObject & { context: OfficeMockObject & { sync(): Promise<void>; workbook: OfficeMockObject & { store: OfficeMockObject & Record<string, OfficeMockObject> } } };
  const store = root.context.workbook.store as unknown as Record<string, OfficeMockObject> & { addMock(name: string): void };
  /** A mock object in the context's tree (so its sync makes loaded properties readable). */
  const mock = (key: string, data: Record<string, unknown>) => {
    store.addMock(key);
    const m = store[key] as unknown as { populate(d: object): void; load(what: string): void };
    m.populate(data);
    return m;
  };
  const byId = (id: string) => {
    const part = parts.find((p) => p.id === id);
    if (!part) throw Object.assign(new Error(`The requested resource doesn't exist: ${id}`), { code: "ItemNotFound" });
    return part;
  };

  const excel = {
    CalculationType: { full: "Full", recalculate: "Recalculate" },
    run: async (callback: (context: unknown) => Promise<unknown>) => {
      runs++;
      let synced = false;
      const pending: Array<() => void> = [];
      const context = {
        sync: async () => {
          pending.splice(0).forEach((apply) => apply());
          await root.context.sync();
          synced = true;
        },
        workbook: {
          application: { calculate: (type: string) => void log.push(`calculate ${type}`) },
          customXmlParts: {
            add: (xml: string) => {
              const id = `{part-${next++}}`;
              log.push(`add ${id}`);
              pending.push(() => parts.push({ id, xml }));
              return mock(`part ${id}`, { id });
            },
            getItem: (id: string) => ({
              getXml: () => {
                log.push(`getXml ${id}`);
                const result = mock(`xml ${id} ${runs}`, { value: byId(id).xml });
                result.load("value"); // a ClientResult: its value is there after sync
                return result;
              },
              delete: () => {
                log.push(`delete ${id}`);
                pending.push(() => parts.splice(parts.indexOf(byId(id)), 1));
              },
            }),
            getByNamespace: (namespace: string) => {
              log.push(`getByNamespace ${namespace}`);
              let loaded = false;
              return {
                load: (what: string) => void (loaded = what === "items/id"),
                get items() {
                  if (!loaded || !synced) throw new Error(NOT_SYNCED);
                  return parts.filter((p) => p.xml.includes(`xmlns="${namespace}"`)).map((p) => ({ id: p.id }));
                },
              };
            },
          },
        },
      };
      return callback(context);
    },
  };
  const startup: string[] = [];
  (globalThis as { Excel?: unknown }).Excel = excel;
  (globalThis as { Office?: unknown }).Office = {
    StartupBehavior: { load: "Load", none: "None" },
    addin: { setStartupBehavior: async (behavior: string) => void startup.push(behavior) },
  };
  return { parts, log, startup, runs: () => runs };
}

export function unmockCustomXml(): void {
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Office?: unknown }).Office;
}
