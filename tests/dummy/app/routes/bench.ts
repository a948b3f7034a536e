import Route from '@ember/routing/route';
import { getOwner } from '@ember/owner';
import { installBench } from 'dummy/bench/index';

/** The benchmark page: bench/run.mjs drives its measures (`window.__bench`). */
export default class BenchRoute extends Route {
  beforeModel(): void {
    installBench(getOwner(this)!);
  }
}
