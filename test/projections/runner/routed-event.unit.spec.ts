import { routeEvent } from '../../../src/projections/runner/routed-event';

describe('routing a stored event by its stream category', () => {
  it("gives the event its stream's category, so a switch on it narrows the event", () => {
    const routed = routeEvent({
      streamId: 'participation-always-events-england.RYX',
      type: 'OrganisationEnrolled',
      data: { programmeSlug: 'always-events-england', odsCode: 'RYX' },
    });
    expect(routed?.category).toBe('participation');
    expect(routed?.event).toEqual({
      type: 'OrganisationEnrolled',
      data: { programmeSlug: 'always-events-england', odsCode: 'RYX' },
    });
  });

  it('reads always-event-… as an Always Event, not as a category named always', () => {
    expect(
      routeEvent({ streamId: 'always-event-0b5a6d1e', type: 'AlwaysEventInitiated', data: {} })?.category,
    ).toBe('always-event');
  });

  it('routes nothing for a stream outside the domain', () => {
    expect(routeEvent({ streamId: 'api-keys', type: 'ApiKeyIssued', data: {} })).toBeUndefined();
  });
});
