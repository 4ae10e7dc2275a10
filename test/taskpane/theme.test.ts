/** The Office theme mapped onto the pane's Fluent tokens: light by default, dark themes readable (WCAG AA). */
import { contrast, luminance, themeTokens } from "../../src/taskpane/theme";

const TEXT = ["colorNeutralForeground1", "colorNeutralForeground2", "colorNeutralForeground3", "colorBrandForeground1", "colorPaletteRedForeground1", "colorPaletteGreenForeground1"];

describe("themeTokens", () => {
  test("no theme (a plain browser): Fluent's light tokens", () => {
    expect(themeTokens(null)).toMatchObject({ colorNeutralBackground1: "#ffffff", colorNeutralForeground1: "#242424", colorBrandBackground: "#0f6cbd" });
    expect(themeTokens({ bodyBackgroundColor: "not a colour" }).colorNeutralBackground1).toBe("#ffffff");
  });

  test.each([
    ["Office Black", { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff" }, "#262626"],
    ["Office Dark Gray", { bodyBackgroundColor: "#444444", bodyForegroundColor: "#ffffff" }, "#444444"],
    ["Office White", { bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000" }, "#ffffff"],
    ["Colorful", { bodyBackgroundColor: "#e6e6e6", bodyForegroundColor: "#262626" }, "#e6e6e6"],
  ])("%s: the theme's background, and every text token at 4.5:1 or more on it", (_, theme, background) => {
    const tokens = themeTokens(theme);
    expect(tokens.colorNeutralBackground1).toBe(background);
    for (const key of TEXT) expect([key, contrast(tokens[key], background) >= 4.5]).toEqual([key, true]);
    expect(tokens.colorNeutralForeground1).toBe(theme.bodyForegroundColor);
  });

  test("a theme text colour that does not read on its background is replaced", () => {
    const tokens = themeTokens({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#333333" });
    expect(tokens.colorNeutralForeground1).toBe("#ffffff");
  });

  test("contrast and luminance follow WCAG", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(luminance("#fff")).toBe(1);
  });
});
