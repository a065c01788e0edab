# A production image of the tracker (README, "Deploying beyond one machine"). It runs against a
# PostgreSQL server (DATABASE_URL): containers never use the embedded database. On start it
# applies pending migrations, then serves with `next start`.
#   docker build -t tracker .
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://… -e AUTH_SECRET=… -e PUBLIC_URL=https://… tracker
# Not built on the project's machines (no Docker there); keep it simple and standard.

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Prisma cannot download its native engines everywhere: scripts/prisma-generate.mjs (run by
# npm's postinstall) points generation at any executable, so nothing is downloaded.
ENV CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY scripts/prisma-generate.mjs ./scripts/prisma-generate.mjs
RUN npm ci
COPY . .
# PUBLIC_URL at build time turns on HSTS when it is https.
ARG PUBLIC_URL
RUN PUBLIC_URL=$PUBLIC_URL npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/v1/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A missing DATABASE_URL stops here with one sentence instead of opening an embedded database.
CMD ["sh", "-c", "test -n \"$DATABASE_URL\" || { echo 'Error: set DATABASE_URL to a PostgreSQL server.' >&2; exit 1; }; npm run db:migrate && exec node node_modules/next/dist/bin/next start -p \"$PORT\""]
