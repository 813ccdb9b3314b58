package org.filmreviews.review.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.review.domain.Review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<Review, UUID> {
}
