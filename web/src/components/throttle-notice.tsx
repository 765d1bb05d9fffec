import { useEffect, useState } from 'preact/hooks';
import type { RequestPause } from '../api/pause';

/**
 * The one message shown while the service has asked this key to wait (429):
 * a countdown, after which the waiting panels load by themselves. Panels
 * meanwhile only say they are loading, so the reason is said once.
 */
export function ThrottleNotice({ pause }: { pause: RequestPause }) {
  const [seconds, setSeconds] = useState(() => pause.secondsLeft());
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => {
      const left = pause.secondsLeft();
      setSeconds(left);
      if (left === 0 && timer !== undefined) {
        clearInterval(timer);
        timer = undefined;
      }
    };
    const start = () => {
      tick();
      timer ??= setInterval(tick, 1000);
    };
    const unsubscribe = pause.subscribe(start);
    if (pause.secondsLeft() > 0) start();
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [pause]);
  return (
    <div class="throttle-notice" role="status" aria-live="polite" data-testid="throttle-notice">
      {seconds > 0 && (
        <p>
          <strong>Too many requests just now.</strong> This key has reached its request limit for the moment;
          the figures load by themselves in <span data-testid="throttle-seconds">{seconds}</span> s.
        </p>
      )}
    </div>
  );
}
