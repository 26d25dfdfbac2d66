"""The render process: kept between jobs, stopped and replaced when a job runs too long, fails oddly or dies."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # render_jobs, importable by the spawned process too

import render_jobs  # noqa: E402

from legalsec_desktop.formats.render_worker import RenderWorker, WorkerProblem  # noqa: E402


@pytest.fixture
def worker():
    made = RenderWorker(render_jobs.JobProblem)
    yield made
    made.stop()


def test_the_process_is_kept_between_jobs(worker):
    assert worker.run(render_jobs.double, (21,), 30) == 42
    first = worker.run(render_jobs.pid, (), 30)
    assert worker.run(render_jobs.pid, (), 30) == first


def test_a_job_that_runs_too_long_is_stopped_and_the_next_gets_a_new_process(worker):
    first = worker.run(render_jobs.pid, (), 30)
    with pytest.raises(WorkerProblem, match="more than 0.5 seconds"):
        worker.run(render_jobs.sleep, (60,), 0.5)
    assert worker.run(render_jobs.pid, (), 30) != first


def test_a_problem_in_words_keeps_the_process(worker):
    first = worker.run(render_jobs.pid, (), 30)
    with pytest.raises(WorkerProblem, match="own problem"):
        worker.run(render_jobs.refuse, (), 30)
    assert worker.run(render_jobs.pid, (), 30) == first


@pytest.mark.parametrize("job, words", [(render_jobs.break_down, "KeyError"),
                                        (render_jobs.run_out_of_memory, "more memory"),
                                        (render_jobs.die, "stopped")])
def test_an_odd_failure_or_a_dead_process_is_said_and_the_process_replaced(worker, job, words):
    first = worker.run(render_jobs.pid, (), 30)
    with pytest.raises(WorkerProblem, match=words):
        worker.run(job, (), 30)
    assert worker.run(render_jobs.pid, (), 30) != first


def test_the_answer_to_a_warm_up_is_not_taken_for_a_job(worker):
    worker.warm(render_jobs.pid)
    assert worker.run(render_jobs.double, (5,), 30) == 10


def test_the_time_limit_starts_once_the_process_is_ready(worker):
    # starting the process and loading its libraries (1 s here) is not counted against the job's 0.5 s
    assert worker.run(render_jobs.double, (4,), 0.5, prepare=render_jobs.slow_start) == 8
    worker.warm(render_jobs.slow_start)  # prepared already in this process: nothing more to wait for
    assert worker.run(render_jobs.double, (5,), 0.5, prepare=render_jobs.slow_start) == 10


def test_a_warm_up_under_way_is_waited_for_before_the_clock_starts(worker):
    worker.warm(render_jobs.slow_start)
    assert worker.run(render_jobs.double, (6,), 0.5) == 12
