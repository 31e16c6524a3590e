# One image for every newsflow stage; the command picks the stage (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -q -B -DskipTests -pl cli -am install

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/cli/target/newsflow.jar /app/newsflow.jar
COPY --from=build /src/cli/target/lib /app/lib
ENV NEWSFLOW_DATA_DIR=/var/lib/newsflow
VOLUME /var/lib/newsflow
ENTRYPOINT ["java", "-Xmx640m", "-cp", "/app/newsflow.jar:/app/lib/*", "io.newsflow.cli.Newsflow"]
CMD ["--help"]
