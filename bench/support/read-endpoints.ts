import type { ChildServer } from './child-server';

export interface EndpointTime {
  path: string;
  status: number;
  seconds: number;
}

export interface ReadEndpointFigures {
  endpoints: EndpointTime[];
  /** The longest a /health/live probe (asked every 20 ms) waited while the endpoints ran, s. */
  worstLiveSeconds: number;
  /** The same probe on the idle service just before: the baseline, s. */
  idleLiveSeconds: number;
}

/** The paths a read endpoint sweep asks for, with ids read from the service's own lists. */
async function sweepPaths(server: ChildServer): Promise<string[]> {
  const get = async (path: string): Promise<unknown> =>
    (await fetch(`${server.url}${path}`, { headers: server.auth })).json();
  const list = (await get('/v1/evaluation/always-events?limit=1')) as {
    items: Array<{ alwaysEventId: string; organisation: { odsCode: string } }>;
  };
  const [
    {
      alwaysEventId,
      organisation: { odsCode },
    },
  ] = list.items;
  const detail = JSON.stringify(await get(`/v1/evaluation/always-events/${alwaysEventId}`));
  const measureId = /"measureId":"([0-9a-f-]{36})"/.exec(detail)?.[1];
  return [
    '/v1/spread/summary',
    '/v1/spread/timeline',
    '/v1/spread/breakdown?by=region',
    '/v1/spread/scale-up-units',
    '/v1/spread/lineage',
    '/v1/spread/cohorts',
    '/v1/spread/return-compliance',
    ...(measureId ? [`/v1/measures/${measureId}/chart`] : []),
    `/v1/evaluation/always-events/${alwaysEventId}/driver-diagram`,
    '/v1/evaluation/always-events',
    `/v1/evaluation/always-events/${alwaysEventId}`,
    '/v1/evaluation/funnel',
    '/v1/evaluation/pdsa-learning',
    `/v1/evaluation/pdsa-learning?organisation=${odsCode}`,
    '/v1/evaluation/co-production',
    '/v1/evaluation/progress-scores',
    '/v1/participation/contacts',
    '/v1/organisations',
    `/v1/organisations/${odsCode}`,
    '/v1/always-events',
    '/v1/worklist',
    // Every event of the bench store was recorded on the day it was built: the widest window there is.
    '/v1/history/changes?since=2000-01-01',
    '/v1/admin/read-models',
  ];
}

/** The longest wait of a /health/live probe asked every 20 ms until `stop` is set. */
function liveProbe(server: ChildServer): { stop(): Promise<number> } {
  let stopped = false;
  let worst = 0;
  const running = (async () => {
    while (!stopped) {
      const started = performance.now();
      await (await fetch(`${server.url}/health/live`)).arrayBuffer();
      worst = Math.max(worst, performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await running;
      return worst / 1000;
    },
  };
}

/**
 * Every read endpoint of the service once (each answered in full), timed,
 * and how long the service's liveness probe waited meanwhile: an endpoint
 * that holds the event loop holds every request behind it.
 */
export async function readEndpointFigures(server: ChildServer): Promise<ReadEndpointFigures> {
  const paths = await sweepPaths(server);
  const idle = liveProbe(server);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const idleLiveSeconds = await idle.stop();
  const probe = liveProbe(server);
  const endpoints: EndpointTime[] = [];
  for (const path of paths) {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, { headers: server.auth });
    await response.arrayBuffer();
    endpoints.push({ path, status: response.status, seconds: (performance.now() - started) / 1000 });
  }
  return { endpoints, worstLiveSeconds: await probe.stop(), idleLiveSeconds };
}
