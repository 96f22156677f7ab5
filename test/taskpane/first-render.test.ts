import { FIRST_RENDER_MARK, markFirstRender } from "../../src/taskpane/first-render";

test("the first-render mark is set once per page", () => {
  performance.clearMarks(FIRST_RENDER_MARK);
  markFirstRender();
  markFirstRender();
  expect(performance.getEntriesByName(FIRST_RENDER_MARK)).toHaveLength(1);
  performance.clearMarks(FIRST_RENDER_MARK);
});

test("without the Performance API it does nothing", () => {
  expect(() => markFirstRender({} as Performance)).not.toThrow();
});
