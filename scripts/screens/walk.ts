/** What a walk to one screen gets: the page (already open on the widget) and the simulator behind it. */
import type { ControlApi } from 'ov-sim/client';
import type { Page } from 'puppeteer-core';

export interface WalkContext {
  page: Page;
  control: ControlApi;
}
