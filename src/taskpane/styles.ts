/**
 * The task pane's styles, on Fluent UI's design tokens (Office's design language) as CSS custom properties. Injected by
 * mountTaskPane, so the task pane and the preview page share them without a CSS loader.
 */
export const TASKPANE_CSS = `
.kc-pane {
  --colorNeutralBackground1: #ffffff; --colorNeutralBackground2: #fafafa; --colorNeutralBackground3: #f5f5f5;
  --colorNeutralForeground1: #242424; --colorNeutralForeground2: #424242; --colorNeutralForeground3: #616161;
  --colorNeutralStroke1: #d1d1d1; --colorNeutralStroke2: #e0e0e0;
  --colorBrandBackground: #0f6cbd; --colorBrandBackgroundHover: #115ea3; --colorNeutralForegroundOnBrand: #ffffff;
  --colorBrandBackground2: #ebf3fc; --colorBrandStroke1: #0f6cbd; --colorBrandForeground1: #0f6cbd;
  --colorPaletteYellowBackground2: #fef7b2; --colorPaletteRedForeground1: #bc2f32; --colorPaletteGreenForeground1: #0e700e;
  --borderRadiusMedium: 4px; --spacingHorizontalS: 8px; --spacingHorizontalM: 12px; --spacingVerticalS: 8px; --spacingVerticalXS: 4px;
  --fontFamilyBase: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif;
  --fontFamilyMonospace: Consolas, "Courier New", Courier, monospace;
  --fontSizeBase200: 12px; --fontSizeBase300: 14px; --fontSizeBase400: 16px; --fontWeightSemibold: 600;
  font-family: var(--fontFamilyBase); font-size: var(--fontSizeBase300); color: var(--colorNeutralForeground1);
  background: var(--colorNeutralBackground1); line-height: 1.4;
}
.kc-pane h2 { font-size: var(--fontSizeBase400); font-weight: var(--fontWeightSemibold); margin: var(--spacingVerticalS) 0 var(--spacingVerticalXS); }
.kc-pane h3 { font-size: var(--fontSizeBase200); font-weight: var(--fontWeightSemibold); color: var(--colorNeutralForeground3); margin: var(--spacingVerticalS) 0 0; text-transform: uppercase; }
.kc-pane label { display: block; font-weight: var(--fontWeightSemibold); margin-bottom: var(--spacingVerticalXS); }
.kc-pane input[type=search], .kc-pane select {
  font: inherit; width: 100%; box-sizing: border-box; padding: 5px var(--spacingHorizontalS); border: 1px solid var(--colorNeutralStroke1);
  border-bottom-color: var(--colorNeutralForeground3); border-radius: var(--borderRadiusMedium); background: var(--colorNeutralBackground1);
}
.kc-pane select { width: auto; }
.kc-pane :focus-visible { outline: 2px solid var(--colorBrandStroke1); outline-offset: 1px; }
.kc-results { list-style: none; margin: var(--spacingVerticalXS) 0; padding: 0; max-height: 14rem; overflow-y: auto; border: 1px solid var(--colorNeutralStroke2); border-radius: var(--borderRadiusMedium); }
.kc-results:empty { display: none; }
.kc-results [role=option] { padding: var(--spacingVerticalXS) var(--spacingHorizontalS); cursor: pointer; }
.kc-results [role=option] small { display: block; color: var(--colorNeutralForeground3); font-size: var(--fontSizeBase200); }
.kc-results [role=option][aria-selected=true], .kc-results [role=option]:hover { background: var(--colorBrandBackground2); }
.kc-results [role=group] > div:first-child { padding: var(--spacingVerticalXS) var(--spacingHorizontalS); font-size: var(--fontSizeBase200); font-weight: var(--fontWeightSemibold); color: var(--colorNeutralForeground3); background: var(--colorNeutralBackground3); }
.kc-pane button {
  font: inherit; padding: 4px var(--spacingHorizontalM); border-radius: var(--borderRadiusMedium); cursor: pointer;
  border: 1px solid var(--colorNeutralStroke1); background: var(--colorNeutralBackground1); color: var(--colorNeutralForeground1);
}
.kc-pane button.kc-primary { background: var(--colorBrandBackground); border-color: var(--colorBrandBackground); color: var(--colorNeutralForegroundOnBrand); }
.kc-pane button.kc-primary:hover { background: var(--colorBrandBackgroundHover); }
.kc-pane button[aria-pressed=true] { background: var(--colorBrandBackground2); border-color: var(--colorBrandStroke1); color: var(--colorBrandForeground1); }
.kc-row { display: flex; flex-wrap: wrap; gap: var(--spacingHorizontalS); align-items: center; margin: var(--spacingVerticalS) 0; }
.kc-meta { color: var(--colorNeutralForeground2); font-size: var(--fontSizeBase200); margin: 0; }
.kc-pane table { border-collapse: collapse; width: 100%; font-size: var(--fontSizeBase200); }
.kc-pane th, .kc-pane td { padding: 2px 6px; border-bottom: 1px solid var(--colorNeutralStroke2); text-align: right; white-space: nowrap; }
.kc-pane th:first-child, .kc-pane td:first-child { text-align: left; }
.kc-values tr[aria-selected=true] { background: var(--colorBrandBackground2); }
.kc-values tbody tr { cursor: pointer; }
.kc-source { overflow-x: auto; }
.kc-source td { font-family: var(--fontFamilyMonospace); }
.kc-source td.kc-line { color: var(--colorNeutralForeground3); text-align: right; }
.kc-source tr.kc-highlight { background: var(--colorPaletteYellowBackground2); }
.kc-source td.kc-cell-highlight { outline: 2px solid var(--colorBrandStroke1); font-weight: var(--fontWeightSemibold); }
.kc-source td:nth-child(2) { text-align: left; white-space: normal; min-width: 12rem; }
.kc-message { min-height: 1.4em; margin: var(--spacingVerticalS) 0; }
.kc-message[data-kind=error] { color: var(--colorPaletteRedForeground1); }
.kc-message[data-kind=ok] { color: var(--colorPaletteGreenForeground1); }
.kc-diff { color: var(--colorPaletteRedForeground1); }
.kc-checks td { white-space: normal; }
.kc-checks td:first-child { font-family: var(--fontFamilyMonospace); word-break: break-word; }
#kc-checks-noted tbody tr { background: var(--colorPaletteYellowBackground2); }
.kc-checks tr[data-status=FAIL] td { color: var(--colorPaletteRedForeground1); font-weight: var(--fontWeightSemibold); }
`;
