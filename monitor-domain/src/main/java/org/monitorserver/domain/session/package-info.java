/**
 * Test sessions (one pytest run each) and their tags: CI information such as {@code pipeline_branch} and
 * {@code pipeline_build_no}, the run's description and any {@code --tag k=v}.
 */
package org.monitorserver.domain.session;
