/** The service's clock, injectable so tests can pin "now". */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that reads another function: tests pin "now" with it. */
export class FunctionClock extends Clock {
  constructor(private readonly read: () => Date) {
    super();
  }

  now(): Date {
    return this.read();
  }
}
