package cn.cppcc.consult.participation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code consult.online.*}: the limits of real-name online participation. One-time codes: how long
 * they last, how many wrong tries, how often a number or a client may ask for one. People: how
 * many names one mobile number may register (family members sharing a phone), how long a sign-in
 * lasts. Opinions: how many one person may post in one consultation, how many one consultation
 * accepts, how long one may be.
 */
@Component
@ConfigurationProperties(prefix = "consult.online")
public class OnlineProperties {

    private Duration codeValidity = Duration.ofMinutes(10);
    private int codeAttempts = 5;
    private Duration resendInterval = Duration.ofSeconds(60);
    private int codesPerMobilePerHour = 5;
    private int codesPerClientPerHour = 30;
    private int namesPerMobile = 3;
    private Duration sessionValidity = Duration.ofDays(7);
    private int opinionsPerPerson = 5;
    private int opinionsPerConsultation = 2000;
    private int opinionMaxLength = 1000;

    public Duration getCodeValidity() {
        return codeValidity;
    }

    public void setCodeValidity(Duration codeValidity) {
        this.codeValidity = codeValidity;
    }

    public int getCodeAttempts() {
        return codeAttempts;
    }

    public void setCodeAttempts(int codeAttempts) {
        this.codeAttempts = codeAttempts;
    }

    public Duration getResendInterval() {
        return resendInterval;
    }

    public void setResendInterval(Duration resendInterval) {
        this.resendInterval = resendInterval;
    }

    public int getCodesPerMobilePerHour() {
        return codesPerMobilePerHour;
    }

    public void setCodesPerMobilePerHour(int codesPerMobilePerHour) {
        this.codesPerMobilePerHour = codesPerMobilePerHour;
    }

    public int getCodesPerClientPerHour() {
        return codesPerClientPerHour;
    }

    public void setCodesPerClientPerHour(int codesPerClientPerHour) {
        this.codesPerClientPerHour = codesPerClientPerHour;
    }

    public int getNamesPerMobile() {
        return namesPerMobile;
    }

    public void setNamesPerMobile(int namesPerMobile) {
        this.namesPerMobile = namesPerMobile;
    }

    public Duration getSessionValidity() {
        return sessionValidity;
    }

    public void setSessionValidity(Duration sessionValidity) {
        this.sessionValidity = sessionValidity;
    }

    public int getOpinionsPerPerson() {
        return opinionsPerPerson;
    }

    public void setOpinionsPerPerson(int opinionsPerPerson) {
        this.opinionsPerPerson = opinionsPerPerson;
    }

    public int getOpinionsPerConsultation() {
        return opinionsPerConsultation;
    }

    public void setOpinionsPerConsultation(int opinionsPerConsultation) {
        this.opinionsPerConsultation = opinionsPerConsultation;
    }

    public int getOpinionMaxLength() {
        return opinionMaxLength;
    }

    public void setOpinionMaxLength(int opinionMaxLength) {
        this.opinionMaxLength = opinionMaxLength;
    }
}
