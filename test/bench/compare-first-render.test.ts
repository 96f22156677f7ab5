import { compare, formatComparison } from "../../src/bench/compare-first-render";

describe("compare: two builds' first renders, iteration by iteration", () => {
  test("medians, quartiles, ratios to the hello page, and the paired difference", () => {
    const a = [300, 310, 290, 400, 305];
    const b = [280, 300, 295, 350, 290];
    const hello = [200, 210, 190, 250, 200];
    const c = compare(a, b, hello);
    expect(c.runs).toBe(5);
    expect(c.a).toEqual({ medianMs: 305, quartilesMs: [300, 310], ratio: 1.53 });
    expect(c.b).toEqual({ medianMs: 295, quartilesMs: [290, 300], ratio: 1.48 });
    expect(c.hello.ratio).toBe(1);
    // Differences -20, -10, +5, -50, -15: the median is -15, B faster in four.
    expect(c.medianDifferenceMs).toBe(-15);
    expect(c.bFaster).toBe(4);
    expect(formatComparison(c, { a: "old", b: "new" }).split("\n")).toEqual([
      "compose pane first render, 5 iterations",
      "A        median 305 ms  quartiles 300–310 ms  1.53× hello  (old)",
      "B        median 295 ms  quartiles 290–300 ms  1.48× hello  (new)",
      "hello    median 200 ms  quartiles 200–210 ms  1× hello",
      "B − A: median -15 ms per iteration; B faster in 4 of 5",
    ]);
  });

  test("a slower B shows a positive difference", () => {
    const c = compare([100, 100], [110, 130], [50, 50]);
    expect(c.medianDifferenceMs).toBe(20);
    expect(c.bFaster).toBe(0);
    expect(formatComparison(c, { a: "a", b: "b" })).toContain("B − A: median +20 ms per iteration");
  });

  test("unpaired or empty samples are an error", () => {
    expect(() => compare([1, 2], [1], [1, 2])).toThrow(/same, non-zero number of runs/);
    expect(() => compare([], [], [])).toThrow(/same, non-zero number of runs/);
  });
});
