export { startResultsService } from './service.js';
export type { ResultsRun, ResultsService, ResultsServiceOptions, RestRequest, RestResponse, RestRoute } from './service.js';
export { runtimeToken } from './token.js';
