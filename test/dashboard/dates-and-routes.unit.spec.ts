import { dateProblem, formatDay, isCalendarDate } from '../../web/src/app/dates';
import { hrefOf, parseHash, sharedParams } from '../../web/src/app/route';

describe('the date pickers’ rules', () => {
  it('takes only days that exist', () => {
    expect(['2017-03-31', '2016-02-29', '2000-01-01'].filter(isCalendarDate)).toHaveLength(3);
    expect(
      ['2017-02-29', '2017-02-31', '2017-13-01', '2017-3-31', '31/03/2017', ''].filter(isCalendarDate),
    ).toEqual([]);
  });

  it('says why a bound cannot be used, and takes empty as now', () => {
    const today = '2026-11-26';
    expect(dateProblem('', 'asOf', today)).toBeNull();
    expect(dateProblem('2017-03-31', 'asOf', today)).toBeNull();
    expect(dateProblem('2017-02-30', 'asOf', today)).toBe('Enter a real date, as day, month and year');
    expect(dateProblem('1999-12-31', 'asKnownAt', today)).toBe('Pick a date from 2000-01-01 on');
    expect(dateProblem('2030-01-01', 'asOf', today)).toBeNull();
    expect(dateProblem('2026-11-27', 'asKnownAt', today)).toBe(
      'Knowledge cannot come from the future: pick today or earlier',
    );
    expect(dateProblem('2100-01-01', 'asOf', today)).toBe('Pick a date up to 2099-12-31');
  });

  it('writes days the British way, in UTC', () => {
    expect(formatDay('2018-03-31')).toBe('31 Mar 2018');
    expect(formatDay('2018-03-31T23:59:59.999Z')).toBe('31 Mar 2018');
    expect(formatDay(null)).toBe('—');
  });
});

describe('pages in the URL fragment', () => {
  it('finds the page and its query', () => {
    expect(parseHash('').route).toEqual({ page: 'programme' });
    expect(parseHash('#/always-events?setting=Maternity').query.get('setting')).toBe('Maternity');
    const id = '0b6f3c52-4c1e-4f0e-9a55-2d1f3b7e8a01';
    expect(parseHash(`#/always-events/${id}?profile=ihi`).route).toEqual({ page: 'always-event', id });
    expect(parseHash('#/evaluation/').route).toEqual({ page: 'evaluation' });
    expect(parseHash('#/organisations?q=leeds').route).toEqual({ page: 'organisations' });
    expect(parseHash('#/organisations/RR8').route).toEqual({ page: 'organisation', odsCode: 'RR8' });
    expect(parseHash('#/organisations/rr8').route).toEqual({ page: 'not-found', path: '/organisations/rr8' });
    expect(parseHash('#/worklist').route).toEqual({ page: 'worklist' });
    expect(parseHash('#/imports').route).toEqual({ page: 'imports' });
    expect(parseHash('#/always-events/not-an-id').route).toEqual({
      page: 'not-found',
      path: '/always-events/not-an-id',
    });
  });

  it('finds the evaluation list, and one evaluation’s data cuts (by default), findings or reports', () => {
    const id = '0b6f3c52-4c1e-4f0e-9a55-2d1f3b7e8a01';
    expect(parseHash('#/evaluations?q=spread').route).toEqual({ page: 'evaluations' });
    expect(parseHash(`#/evaluations/${id}`).route).toEqual({
      page: 'evaluation-records',
      id,
      records: 'data-cuts',
    });
    for (const records of ['data-cuts', 'findings', 'reports'])
      expect(parseHash(`#/evaluations/${id}/${records}?sort=kind`).route).toEqual({
        page: 'evaluation-records',
        id,
        records,
      });
    expect(parseHash(`#/evaluations/${id}/surveys`).route).toEqual({
      page: 'not-found',
      path: `/evaluations/${id}/surveys`,
    });
    expect(parseHash('#/evaluations/not-an-id').route).toEqual({
      page: 'not-found',
      path: '/evaluations/not-an-id',
    });
  });

  it('carries the time bounds to other pages, and nothing else', () => {
    const { query } = parseHash('#/always-events?asOf=2017-03-31&setting=Maternity');
    expect(hrefOf('/evaluation', sharedParams(query))).toBe('#/evaluation?asOf=2017-03-31');
    expect(hrefOf('/', { asOf: '', asKnownAt: undefined })).toBe('#/');
  });
});
