package org.filmreviews.review.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.filmreviews.review.domain.ReviewVote;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ReviewVoteRepository implements PanacheRepositoryBase<ReviewVote, ReviewVote.Key> {
}
