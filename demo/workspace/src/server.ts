import { createServer } from 'node:http';
import { handle } from './api/routes.ts';

const port = Number(process.env.PORT ?? 3000);

/** JSON in, JSON out; every route is in api/routes.ts. */
createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
  const result = await handle(`${request.method} ${request.url}`, body, request.headers.authorization);
  response.writeHead(result.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(result.body));
}).listen(port, () => console.log(`acme-orders listening on :${port}`));
