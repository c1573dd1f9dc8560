// The demo's own script, loaded by layout.html after the client: the hooks its pages name with lv-hook.
// A relative import is the client's own URL under any mount prefix, so the same module, the same hooks.
import { hooks } from '../_lv/liveview.js';

// Draws data-points (numbers 0..100, comma-separated) as a line. It tells the view how many points
// its width fits (the view answers with that many), redraws on every update and flashes when the
// view pushes "peak".
hooks.Sparkline = {
  mounted() {
    const slots = Math.max(2, Math.floor(this.el.clientWidth / 8));
    this.pushEvent('fit', { slots }, () => this.el.classList.remove('waiting'));
    this.handleEvent('peak', () => {
      this.el.classList.remove('peak');
      void this.el.offsetWidth; // a reflow between, so the animation starts again
      this.el.classList.add('peak');
    });
    this.draw();
  },
  updated() {
    this.draw();
  },
  draw() {
    const canvas = this.el, points = canvas.dataset.points.split(',').map(Number);
    canvas.width = canvas.clientWidth;
    const g = canvas.getContext('2d'), step = canvas.width / Math.max(1, points.length - 1);
    g.beginPath();
    points.forEach((v, i) => g.lineTo(i * step, canvas.height - 2 - (v / 100) * (canvas.height - 4)));
    g.strokeStyle = '#2a6df4';
    g.lineWidth = 2;
    g.stroke();
  }
};
