// Typed entry point of the loopback artifact-service double. The implementation is plain JS
// (results-service.mjs) so bench/upload.mjs can run it with plain node.
export { startResultsService, unsignedRuntimeToken } from './results-service.mjs';
export type {
  RecordedRequest,
  ResultsService,
  ResultsServiceOptions,
  UploadedArtifact,
} from './results-service.mjs';
