// A JSON body parser for Fastify that accepts an empty body as `{}`: Vast's CLI sends
// `Content-Type: application/json` with `{}` or nothing, and so do scripts posting with no payload.
import type { FastifyInstance } from 'fastify';

export function useLenientJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch {
      done(Object.assign(new Error('The request body is not valid JSON.'), { statusCode: 400 }), undefined);
    }
  });
}
