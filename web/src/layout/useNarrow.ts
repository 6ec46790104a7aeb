import { Grid } from 'antd';

/** True on a phone-sized screen (narrower than antd's `md`, 768 px): the shells fold their menus. */
export function useNarrow(): boolean {
  const screens = Grid.useBreakpoint();
  // Before the first measurement `md` is unknown: lay out for a wide screen.
  return screens.md === false;
}
