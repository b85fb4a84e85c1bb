import Grid from 'antd/es/grid';

/**
 * What the window's width allows, by antd's breakpoints (the same ones Row/Col use):
 * `drawerNav` under 992 px, where the side menu would squeeze the page, so it slides over it
 * instead; `cards` under 576 px, where a wide table reads better as one card per row.
 */
export function useScreen(): { drawerNav: boolean; cards: boolean } {
  const screens = Grid.useBreakpoint();
  // Before antd has measured (first render), assume a wide screen: the layout effect corrects it before paint.
  return { drawerNav: screens.lg === false, cards: screens.sm === false };
}
