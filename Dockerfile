# Multi-stage build: compile with dev dependencies, run with production ones only, as a non-root user.
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
# The dashboard (web/) is built here too; its sources import only types from src/.
COPY web ./web
RUN npm run build && npm run build:web && npm prune --omit=dev

FROM node:20.19-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 SQLITE_PATH=/data/events.sqlite
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/web/dist ./web/dist
# The ODS trust register the first start of an empty store registers (REGISTER_CSV_PATH).
COPY data/reference ./data/reference
COPY package.json ./
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 CMD node -e "fetch('http://127.0.0.1:3000/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# A larger young generation: a command allocates short-lived objects, and fewer scavenges promote fewer of
# them (docs/contributors/benchmarks.md, "Runtime flags").
CMD ["node", "--max-semi-space-size=32", "dist/main.js"]
