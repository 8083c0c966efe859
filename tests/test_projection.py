"""The equal-area projection the control maps and the line of contact are measured in: the
same result from any thread (Streamlit runs each rerun on a new one), and back again."""

from __future__ import annotations

import concurrent.futures
import os
import signal

import numpy as np
import pytest
import shapely

from frontline.control.geometry import to_equal_area

PLACES = shapely.points([31.5, 37.61581, 33.0], [48.5, 49.71003, 46.6])  # centre, Kupiansk, …


def test_the_projection_centre_is_the_origin_and_distances_are_metres():
    xy = shapely.get_coordinates(to_equal_area(PLACES))
    assert np.allclose(xy[0], [0, 0], atol=1e-6)
    # Kupiansk is about 460 km east and 140 km north of the centre of Ukraine.
    assert 400_000 < xy[1][0] < 500_000 and 100_000 < xy[1][1] < 200_000


def test_the_inverse_brings_the_points_back():
    back = to_equal_area(to_equal_area(PLACES), inverse=True)
    assert np.allclose(shapely.get_coordinates(back), shapely.get_coordinates(PLACES), atol=1e-9)


def test_every_thread_gets_the_same_result():
    expected = shapely.get_coordinates(to_equal_area(PLACES))
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: to_equal_area(PLACES), range(64)))
    for result in results:
        assert np.array_equal(shapely.get_coordinates(result), expected)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_forked_child_projects_too():
    to_equal_area(PLACES)  # the parent's projection thread is running
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: project, report, leave at once (killed if it hangs)
        signal.alarm(20)
        try:
            x = shapely.get_coordinates(to_equal_area(PLACES))[1][0]
            os.write(write, f"{x:.3f}".encode())
        finally:
            os._exit(0)
    os.close(write)
    _, status = os.waitpid(pid, 0)
    reported = os.read(read, 100).decode()
    os.close(read)
    assert os.waitstatus_to_exitcode(status) == 0
    assert reported == f"{shapely.get_coordinates(to_equal_area(PLACES))[1][0]:.3f}"
