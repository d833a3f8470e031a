/** A clock a test moves by hand; pass `clock.now` as the server's `now`. */
export class TestClock {
  ms: number;
  constructor(start: string | Date | number) {
    this.ms = new Date(start).getTime();
  }
  now = () => new Date(this.ms);
  set(at: string | Date | number) {
    this.ms = new Date(at).getTime();
  }
  advance(ms: number) {
    this.ms += ms;
  }
}
