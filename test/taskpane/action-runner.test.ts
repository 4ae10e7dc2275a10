/** One workbook action at a time: while one runs, another is refused without being called, and listeners hear of both edges. */
import { ActionRunner } from "../../src/taskpane/action-runner";

test("a second action while one runs is refused and never called; after the first ends, actions run again", async () => {
  const edges: boolean[] = [];
  const runner = new ActionRunner((busy) => edges.push(busy));
  let finish!: () => void;
  const calls: string[] = [];
  const first = runner.run(() => {
    calls.push("first");
    return new Promise<void>((resolve) => (finish = resolve));
  });
  expect(runner.busy).toBe(true);
  expect(await runner.run(async () => void calls.push("second"))).toBe(false);
  finish();
  expect(await first).toBe(true);
  expect(runner.busy).toBe(false);
  expect(await runner.run(async () => void calls.push("third"))).toBe(true);
  expect(calls).toEqual(["first", "third"]);
  expect(edges).toEqual([true, false, true, false]);
});

test("an action that fails still ends the busy state", async () => {
  const runner = new ActionRunner();
  await expect(runner.run(async () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
  expect(runner.busy).toBe(false);
});
