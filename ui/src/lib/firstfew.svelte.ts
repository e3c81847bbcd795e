/**
 * How many items of a freshly loaded list to render: the first few at once,
 * the rest after the first paint, so a page shows its best matches without
 * waiting for the cards below the fold.
 */
export class FirstFew {
  count = $state(0);
  private ticket = 0;

  constructor(readonly few = 3) {}

  /** Shows `total` items; with `all` (a reload of what is on screen) at once. */
  show(total: number, all = false): void {
    const mine = ++this.ticket;
    this.count = all ? total : Math.min(this.few, total);
    if (this.count >= total) return;
    const rest = () => {
      if (mine === this.ticket) this.count = total;
    };
    // After the frame that paints the first few.
    if (typeof requestAnimationFrame === "function") requestAnimationFrame(() => setTimeout(rest, 0));
    else setTimeout(rest, 0);
  }
}
