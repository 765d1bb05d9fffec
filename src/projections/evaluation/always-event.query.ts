import { ReadModelQuery } from '../http/read-model-query';

export class AlwaysEventQuery extends ReadModelQuery {}
