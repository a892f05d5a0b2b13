# Shingi as a container: the jar built from this checkout with the Maven wrapper, run on a JRE.
# Used by docker-compose.yml (PostgreSQL and two nodes); see docs/operations.md.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:resolve
COPY src src
RUN ./mvnw -B -q -DskipTests package && cp target/shingi-*.jar /shingi.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app shingi && mkdir -p /app && chown shingi /app
WORKDIR /app
COPY --from=build /shingi.jar /app/shingi.jar
USER shingi
EXPOSE 8080
# the parallel collector, as everywhere Shingi is run from this repository (docs/operations.md, "The JVM")
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-jar", "/app/shingi.jar"]
