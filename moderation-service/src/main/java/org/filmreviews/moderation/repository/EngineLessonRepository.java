package org.filmreviews.moderation.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.moderation.domain.EngineLesson;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EngineLessonRepository implements PanacheRepositoryBase<EngineLesson, Long> {
}
