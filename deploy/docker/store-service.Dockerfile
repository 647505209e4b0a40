# store-service: the Quarkus fast-jar that `./mvnw package` leaves in store-service/target/quarkus-app, on a JRE 17.
# Build context: the repository root (deploy/docker-compose.yml sets it; .dockerignore keeps it small):
#   ./mvnw -B -ntp -DskipTests package && docker build -f deploy/docker/store-service.Dockerfile -t newspipe/store-service .
FROM eclipse-temurin:17-jre
# curl for the health check; a system user without a login.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --home-dir /deployments newspipe
WORKDIR /deployments
COPY deploy/jvm-options deploy/docker/run-java.sh /deployments/
# The fast-jar's layers, least often changed first.
COPY --chown=10001 store-service/target/quarkus-app/lib/ /deployments/lib/
COPY --chown=10001 store-service/target/quarkus-app/*.jar /deployments/
COPY --chown=10001 store-service/target/quarkus-app/app/ /deployments/app/
COPY --chown=10001 store-service/target/quarkus-app/quarkus/ /deployments/quarkus/
# SERVICE picks this service's line in deploy/jvm-options; MALLOC_ARENA_MAX as deploy/local/up sets it.
ENV SERVICE=store-service \
    QUARKUS_HTTP_PORT=8083 \
    MALLOC_ARENA_MAX=2
EXPOSE 8083
USER 10001
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8083/q/health/ready || exit 1
ENTRYPOINT ["/deployments/run-java.sh"]
