package org.filmreviews.review;

import org.filmreviews.devinfra.test.RealInfraTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real Kafka broker and a real PostgreSQL database. */
@QuarkusTestResource(value = RealInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "reviews"))
public class RealInfra {
}
