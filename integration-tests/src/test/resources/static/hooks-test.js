// The hooks HooksTest exercises; every callback writes to window.hookLog.
import { hooks } from '/_lv/liveview.js';

window.hookLog = [];
const log = line => window.hookLog.push(line);

hooks.Chart = {
  mounted() {
    log('mounted ' + this.el.dataset.count);
    this.handleEvent('highlight', payload => log('highlight ' + payload.color + ' at ' + this.el.dataset.count));
  },
  updated() { log('updated ' + this.el.dataset.count); },
  destroyed() { log('destroyed'); },
  disconnected() { log('disconnected'); },
  reconnected() { log('reconnected'); }
};

hooks.Pusher = {
  mounted() {
    this.el.addEventListener('click', () => this.pushEvent('from-hook', { n: 7 }, reply => log('replied ' + (reply.reason || 'ok'))));
  }
};

hooks.Exec = {
  mounted() { this.handleEvent('run', commands => this.exec(commands)); }
};
