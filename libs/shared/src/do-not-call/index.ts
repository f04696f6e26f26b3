export * from './do-not-call.dto';
