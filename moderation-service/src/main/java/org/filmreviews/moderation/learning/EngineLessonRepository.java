package org.filmreviews.moderation.learning;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EngineLessonRepository implements PanacheRepositoryBase<EngineLesson, Long> {
}
