/**
 * The task pane follows the Office theme: Office.context.officeTheme gives four colours (body and control background
 * and foreground). themeTokens maps them onto the Fluent tokens the styles use, deriving the rest (muted text, strokes,
 * brand tints, highlights) for a light or a dark theme, each pair checked to WCAG AA contrast (4.5:1 for text).
 */
export interface OfficeTheme {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

function rgb(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of "#rrggbb". */
export function luminance(hex: string): number {
  const c = rgb(hex);
  if (!c) return 1;
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const LIGHT: Record<string, string> = {
  colorNeutralBackground1: "#ffffff",
  colorNeutralBackground2: "#fafafa",
  colorNeutralBackground3: "#f5f5f5",
  colorNeutralForeground1: "#242424",
  colorNeutralForeground2: "#424242",
  colorNeutralForeground3: "#616161",
  colorNeutralStroke1: "#d1d1d1",
  colorNeutralStroke2: "#e0e0e0",
  colorBrandBackground: "#0f6cbd",
  colorBrandBackgroundHover: "#115ea3",
  colorNeutralForegroundOnBrand: "#ffffff",
  colorBrandBackground2: "#ebf3fc",
  colorBrandStroke1: "#0f6cbd",
  colorBrandForeground1: "#0f6cbd",
  colorPaletteYellowBackground2: "#fef7b2",
  colorPaletteRedForeground1: "#bc2f32",
  colorPaletteGreenForeground1: "#0e700e",
};

const DARK: Record<string, string> = {
  colorNeutralBackground1: "#292929",
  colorNeutralBackground2: "#1f1f1f",
  colorNeutralBackground3: "#141414",
  colorNeutralForeground1: "#ffffff",
  colorNeutralForeground2: "#d6d6d6",
  colorNeutralForeground3: "#adadad",
  colorNeutralStroke1: "#666666",
  colorNeutralStroke2: "#525252",
  colorBrandBackground: "#115ea3",
  colorBrandBackgroundHover: "#0f6cbd",
  colorNeutralForegroundOnBrand: "#ffffff",
  colorBrandBackground2: "#082338",
  colorBrandStroke1: "#479ef5",
  colorBrandForeground1: "#479ef5",
  colorPaletteYellowBackground2: "#4a4000",
  colorPaletteRedForeground1: "#f1707b",
  colorPaletteGreenForeground1: "#54b054",
};

/** The Fluent tokens for an Office theme: its body colours where readable, the rest from the light or dark set. */
export function themeTokens(theme: OfficeTheme | null | undefined): Record<string, string> {
  const bg = theme?.bodyBackgroundColor && rgb(theme.bodyBackgroundColor) ? theme.bodyBackgroundColor : null;
  if (!bg) return { ...LIGHT };
  const dark = luminance(bg) < 0.18;
  const tokens: Record<string, string> = { ...(dark ? DARK : LIGHT), colorNeutralBackground1: bg };
  const fg = theme?.bodyForegroundColor;
  // The theme's text colour only where it reads on its background; otherwise the set's own.
  if (fg && rgb(fg) && contrast(fg, bg) >= 4.5) tokens.colorNeutralForeground1 = fg;
  else if (contrast(tokens.colorNeutralForeground1, bg) < 4.5) tokens.colorNeutralForeground1 = dark ? "#ffffff" : "#000000";
  for (const key of ["colorNeutralForeground2", "colorNeutralForeground3", "colorBrandForeground1", "colorPaletteRedForeground1", "colorPaletteGreenForeground1"]) {
    if (contrast(tokens[key], bg) < 4.5) tokens[key] = tokens.colorNeutralForeground1;
  }
  return tokens;
}

/** Sets the tokens as CSS custom properties on the pane's root (CSSOM, allowed by the Content-Security-Policy). */
export function applyTheme(root: HTMLElement, theme: OfficeTheme | null | undefined): void {
  const tokens = themeTokens(theme);
  for (const [name, value] of Object.entries(tokens)) root.style.setProperty(`--${name}`, value);
  root.dataset.theme = luminance(tokens.colorNeutralBackground1) < 0.18 ? "dark" : "light";
}
