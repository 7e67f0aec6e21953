package cn.cppcc.consult.participation;

import cn.cppcc.consult.citizen.Citizen;

/**
 * A person signed in on the public pages after confirming their mobile number: their citizen
 * record. Only {@link #maskedName()} is ever shown to others.
 */
public record Person(long citizenId, String maskedName, String maskedMobile, String mobile) {

    static Person of(Citizen citizen) {
        return new Person(citizen.id(), citizen.maskedName(), citizen.maskedMobile(), citizen.mobile());
    }
}
