import { EVENT_STORE, EventStore } from '../../src/event-store';
import { getJson, postCommand } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { storeUnderTest } from '../support/store-under-test';
import { trustBody } from '../auth/matrix-support';

type Body = Record<string, unknown>;

/**
 * Deleted streams and odd stream input over HTTP: a clear problem+json, never
 * a 500 (a tombstoned stream used to reach the API as the client's raw error).
 */
describe(`deleted streams and odd stream input over the API [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let store: EventStore;
  beforeAll(async () => {
    t = await startTestApp();
    store = t.app.get<symbol, EventStore>(EVENT_STORE);
  });
  afterAll(async () => t.close());

  const expectGone = (reply: { status: number; headers: Headers; body: Body }, stream: string): void => {
    expect(reply.status).toBe(410);
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(reply.body).toMatchObject({
      type: 'urn:always-events:problem:stream-deleted',
      title: 'Gone',
      status: 410,
      stream,
      tombstoned: true,
      detail: expect.stringContaining(stream),
    });
  };

  it('answers reads of a tombstoned stream and commands on it 410 stream-deleted, and writes nothing', async () => {
    const registered = await postCommand(t.url, 'RegisterOrganisation', trustBody('RG1'));
    expect(registered.status).toBe(201);
    await store.tombstoneStream('organisation-RG1', { expectedRevision: 0 });
    const head = await store.headPosition();

    expectGone(await getJson<Body>(t.url, '/v1/streams/organisation-RG1'), 'organisation-RG1');
    expectGone(await getJson<Body>(t.url, '/v1/streams/organisation-RG1/events'), 'organisation-RG1');
    const renamed = await postCommand<Body>(t.url, 'RenameOrganisation', {
      odsCode: 'RG1',
      newName: 'Renamed Trust',
      effectiveDate: '2020-01-01',
    });
    // Whether the handler's read or its append meets the tombstone first, the answer is the same.
    expectGone(renamed, 'organisation-RG1');
    expectGone(await postCommand<Body>(t.url, 'RegisterOrganisation', trustBody('RG1')), 'organisation-RG1');
    expect(await store.headPosition()).toBe(head);
  });

  it('shows a soft-deleted stream as not found, its events list empty', async () => {
    expect((await postCommand(t.url, 'RegisterOrganisation', trustBody('RG2'))).status).toBe(201);
    await store.deleteStream('organisation-RG2');
    const state = await getJson<Body>(t.url, '/v1/streams/organisation-RG2');
    expect(state.status).toBe(404);
    expect(state.body.type).toBe('urn:always-events:problem:stream-not-found');
    const events = await getJson<Body>(t.url, '/v1/streams/organisation-RG2/events');
    expect(events).toMatchObject({ status: 200, body: { streamId: 'organisation-RG2', events: [] } });
  });

  it('answers odd stream names and huge revisions with a 4xx problem, never a 5xx', async () => {
    const paths = [
      '/v1/streams/%24all',
      '/v1/streams/%24%24organisation-RG1',
      '/v1/streams/organisation-%24RG',
      '/v1/streams/organisation-%F0%9F%98%80',
      '/v1/streams/organisation-%00',
      `/v1/streams/organisation-${'X'.repeat(2000)}`,
      '/v1/streams/organisation-RG1%2Fevents',
      '/v1/streams/%20/events',
      '/v1/streams/organisation-RG3/events?fromRevision=999999999999999',
      '/v1/streams/organisation-RG3/events?fromRevision=9999999999999999999999',
      '/v1/streams/organisation-RG3/events?fromRevision=-1',
      '/v1/streams/organisation-RG3/events?fromRevision=1e300',
      '/v1/streams/organisation-RG3/events?maxCount=99999',
    ];
    /** The reply as a test failure would show it: what was sent, and whether it was a clean 4xx problem. */
    const outcome = (sent: string, reply: { status: number; headers: Headers }) => ({
      sent,
      clean:
        reply.status < 500 &&
        (reply.status < 400 || /^application\/problem\+json/.test(reply.headers.get('content-type') ?? '')),
      status: reply.status,
    });
    for (const path of paths) {
      const reply = await getJson<Body>(t.url, path);
      expect(outcome(path, reply)).toEqual({ sent: path, clean: true, status: reply.status });
    }
    // Revisions past what a number holds exactly, negative or not whole: refused (400, or 412 for a
    // revision the stream is not at), never passed on to fail in the store.
    for (const ifMatch of ['"99999999999999999999"', '"9007199254740993"', '"-2"', '"1.5"']) {
      const reply = await postCommand<Body>(t.url, 'RegisterOrganisation', trustBody('RG4'), {
        'if-match': ifMatch,
      });
      expect(outcome(ifMatch, reply)).toEqual({ sent: ifMatch, clean: true, status: expect.any(Number) });
      expect([400, 412]).toContain(reply.status);
    }
  });
});
